// The doors of the edge: anonymous /api/messages only from loopback (the middleware with fake sockets, plus a real
// loopback request), ALLOW_ANONYMOUS warning, and the guard stepping aside when MicrosoftAppId is set.
import { Writable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { createLogger, createSilentLogger } from '../../bot/logger';
import { anonymousPolicy, createAnonymousGuard, isLoopback } from '../../bot/security/anonymous-guard';
import { createBfConversation } from '../support/bf-conversation';
import { createFakeBrain } from '../support/fake-engine';
import { startServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot } from '../support/start-bot';

interface FakeAnswer {
  status?: number;
  body?: unknown;
  next: boolean;
}

function run(guard: ReturnType<typeof createAnonymousGuard>, remoteAddress: string | undefined): FakeAnswer {
  const answer: FakeAnswer = { next: false };
  const req = { socket: { remoteAddress }, path: '/api/messages', headers: { 'x-forwarded-for': '127.0.0.1' } } as unknown as Request;
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    json(body: unknown) {
      answer.body = body;
      return res;
    },
  } as unknown as Response;
  guard(req, res, (() => (answer.next = true)) as NextFunction);
  return answer;
}

describe('anonymous guard', () => {
  const loopbackOnly = createAnonymousGuard({ config: { allowAnonymous: false }, logger: createSilentLogger() });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.5', false],
    ['2001:db8::1', false],
    [undefined, false],
  ])('treats %s as loopback: %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });

  it.each(['10.0.0.5', '203.0.113.7', '2001:db8::1', '::ffff:198.51.100.2'])('refuses anonymous %s with a 401 JSON error (X-Forwarded-For ignored)', (address) => {
    const answer = run(loopbackOnly, address);
    expect(answer).toMatchObject({ next: false, status: 401, body: { error: { code: 'unauthorized' } } });
  });

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('lets anonymous %s through', (address) => {
    expect(run(loopbackOnly, address)).toEqual({ next: true });
  });

  it('steps aside when MicrosoftAppId is set (CloudAdapter checks the JWT)', () => {
    const guard = createAnonymousGuard({ config: { microsoftAppId: 'app-id', allowAnonymous: false }, logger: createSilentLogger() });
    expect(anonymousPolicy({ microsoftAppId: 'app-id', allowAnonymous: true })).toBe('authenticated');
    expect(run(guard, '203.0.113.7')).toEqual({ next: true });
  });

  it('lets anyone through with ALLOW_ANONYMOUS=true, after a loud warning', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()) });
    const guard = createAnonymousGuard({ config: { allowAnonymous: true }, logger: createLogger({ destination }) });
    expect(run(guard, '203.0.113.7')).toEqual({ next: true });
    const warning = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.msg.includes('ALLOW_ANONYMOUS'));
    expect(warning?.level).toBe(40);
    expect(warning?.msg).toMatch(/UNAUTHENTICATED/);
  });
});

describe('POST /api/messages on loopback without credentials', () => {
  it('answers the turn', async () => {
    const sink = await startServiceUrlSink();
    const bot = await startBot({ brain: createFakeBrain() });
    try {
      const turn = await createBfConversation(bot, sink).say('hello');
      expect(turn.status).toBe(200);
      expect(turn.text).toBe('echo: hello');
    } finally {
      await bot.stop();
      await removeDataDir(bot.dataDir);
      await sink.close();
    }
  });

  it('needs a Bot Framework token once MicrosoftAppId is set, even from loopback', async () => {
    const bot = await startBot({ brain: createFakeBrain(), env: { MicrosoftAppId: 'test-app-id', MicrosoftAppPassword: 'x' } });
    try {
      const answer = await bot.post({ type: 'message', channelId: 'emulator', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9', text: 'hi' });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error: { code: 'unauthorized' } });
    } finally {
      await bot.stop();
      await removeDataDir(bot.dataDir);
    }
  });
});
