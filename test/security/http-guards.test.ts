// The edge's HTTP guards end to end: helmet headers on every response (the chat page keeps its own nonce CSP), CORS
// only for CORS_ORIGINS, the JSON body limit (413 JSON), the per-address limit (429 JSON) and the per-conversation
// limit answering with the `rate_limited` reply from knowledge.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { loadKnowledge } from './knowledge';
import { createIpRateLimit } from '../../bot/security/rate-limit';
import { createBfConversation } from '../support/bf-conversation';
import { createFakeBrain } from '../support/fake-engine';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';

const ALLOWED = 'https://allowed.example';
let sink: ServiceUrlSink;
let bot: RunningBot;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  const brain = createFakeBrain();
  // The fake brain has no `rate_limited` reply: give it the real one, as knowledge/bot.yaml defines it.
  const knowledge = { ...brain.knowledge, replies: { ...brain.knowledge.replies, rate_limited: loadKnowledge().replies.rate_limited } };
  bot = await startBot({
    brain: { ...brain, knowledge },
    env: { CORS_ORIGINS: `${ALLOWED},https://other.example`, CONVERSATION_RATE_LIMIT_PER_MINUTE: '3', JSON_BODY_LIMIT_KB: '16' },
  });
});

afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await sink.close();
});

const headersOf = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${bot.url}${path}`, init);
  await response.arrayBuffer();
  return response;
};

describe('security headers', () => {
  it.each(['/healthz', '/no-such-page', '/v3/directline/conversations'])('sets helmet headers and a deny-all CSP on %s', async (path) => {
    const response = await headersOf(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('keeps the chat page its own nonce-based CSP', async () => {
    const response = await fetch(`${bot.url}/`);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(response.status).toBe(200);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(nonce && html.includes(`nonce="${nonce}"`)).toBe(true);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    headersOf('/v3/directline/tokens/generate', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });

  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight(ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('refuses a preflight from any other origin, and never echoes it', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await headersOf('/v3/directline/tokens/generate', { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('adds no CORS headers to /api/messages (server to server)', async () => {
    const response = await headersOf('/api/messages', { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('body limit', () => {
  it('answers a body over JSON_BODY_LIMIT_KB with a JSON 413', async () => {
    const answer = await bot.post(JSON.stringify({ type: 'message', text: 'x'.repeat(20 * 1024) }));
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({ error: { code: 'too_large', message: expect.any(String) } });
  });
});

describe('per-conversation limit', () => {
  it('answers the 4th message in a minute with the rate_limited reply, then lets another conversation through', async () => {
    const chat = createBfConversation(bot, sink);
    for (const text of ['one', 'two', 'three']) expect((await chat.say(text)).text).toBe(`echo: ${text}`);
    const over = await chat.say('four');
    expect(over.status).toBe(200);
    expect(over.text).toMatch(/a lot of messages/i);
    expect((await createBfConversation(bot, sink).say('hello')).text).toBe('echo: hello');
  });
});

describe('per-address limit', () => {
  it('answers POSTs over the limit with a JSON 429 and Retry-After; GETs are not counted', async () => {
    const app = express();
    app.use(createIpRateLimit({ perMinute: 2, exempt: () => false }));
    app.all('/x', (_req, res) => void res.json({ ok: true }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await fetch(url, { method: 'POST' })).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await fetch(url, { method: 'POST' });
      expect(refused.headers.get('content-type')).toMatch(/application\/json/);
      expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is off at 0', async () => {
    const limit = createIpRateLimit({ perMinute: 0 });
    let passed = false;
    limit({} as never, {} as never, () => (passed = true));
    expect(passed).toBe(true);
  });
});
