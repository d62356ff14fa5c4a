// The per-conversation limit across instances: with REDIS_URL, two limiters (two bot instances) over one Redis share
// one count, so a conversation bouncing between them still gets the `rate_limited` reply at the limit; without it each
// instance counts alone. Redis going away lets messages through (logged) and the limit returns with it.
import { randomUUID } from 'node:crypto';
import type { ConversationServiceHandle } from '../../bot/conversation';
import { createSilentLogger } from '../../bot/logger';
import type { TurnOutcome, TurnRequest } from '../../bot/ports';
import { withConversationLimit, type LimitedConversations } from '../../bot/security/conversation-limit';
import { createRedisCounter } from '../../bot/security/redis-counter';
import { createMemoryStore } from '../../bot/storage';
import { newSession } from '../../dialogs';
import { describeIfAvailable, findRedisServerBinary, redisSource, startRedisServer, type RedisServer } from '../support/redis-server';
import { loadKnowledge } from './knowledge';

const source = redisSource();
const LIMIT = 3;

/** A ConversationService that answers "handled" and counts what reached it. */
function countingService(): ConversationServiceHandle & { handled: string[] } {
  const handled: string[] = [];
  return {
    handled,
    handle: async (request: TurnRequest): Promise<TurnOutcome> => {
      handled.push(request.input.text ?? '');
      return { replies: [{ kind: 'text', text: 'handled' }], handledBy: 'bot', session: newSession() };
    },
    idle: async () => undefined,
  };
}

const message = (conversationKey: string, text: string): TurnRequest => ({
  address: { channel: 'webchat', conversationKey, reference: {} },
  user: { id: 'u' },
  input: { kind: 'message', text, now: new Date().toISOString() },
});

describeIfAvailable('per-conversation limit shared through Redis', source.kind === 'none' ? source.reason : undefined, () => {
  let server: RedisServer | undefined;
  let url: string;
  const opened: LimitedConversations[] = [];
  const instance = (service: ConversationServiceHandle, redis = true): LimitedConversations => {
    const limited = withConversationLimit(service, {
      perMinute: LIMIT, knowledge: loadKnowledge(), store: createMemoryStore(), logger: createSilentLogger(), ...(redis ? { redisUrl: url } : {}),
    });
    opened.push(limited);
    return limited;
  };

  beforeAll(async () => {
    if (source.kind === 'binary') server = await startRedisServer(source.binary);
    url = source.kind === 'url' ? source.url : String(server?.url);
  });
  afterAll(async () => {
    await Promise.all(opened.map((limited) => limited.closeLimiter()));
    await server?.stop();
  });

  it('lets a conversation send LIMIT messages per window in total, whichever instance takes them', async () => {
    const [serviceA, serviceB] = [countingService(), countingService()];
    const [a, b] = [instance(serviceA), instance(serviceB)];
    const key = `webchat:${randomUUID()}`; // a shared REDIS_URL may hold other runs' counts
    const texts: string[] = [];
    for (let i = 0; i < 2 * LIMIT; i += 1) {
      const outcome = await (i % 2 === 0 ? a : b).handle(message(key, `m${i}`));
      texts.push(outcome.replies.map((r) => r.text).join(' '));
    }
    expect(serviceA.handled.length + serviceB.handled.length).toBe(LIMIT);
    expect(texts.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('handled'));
    for (const text of texts.slice(LIMIT)) expect(text).toMatch(/a lot of messages/i);
    // Another conversation has its own count.
    expect((await b.handle(message(`webchat:${randomUUID()}`, 'hi'))).replies[0].text).toBe('handled');
  });

  it('counts per instance without Redis (why REDIS_URL matters)', async () => {
    const [serviceA, serviceB] = [countingService(), countingService()];
    const [a, b] = [instance(serviceA, false), instance(serviceB, false)];
    const key = `webchat:${randomUUID()}`;
    for (let i = 0; i < 2 * LIMIT; i += 1) await (i % 2 === 0 ? a : b).handle(message(key, `m${i}`));
    expect(serviceA.handled.length + serviceB.handled.length).toBe(2 * LIMIT);
  });

  it('starts a new window once the period has passed', async () => {
    const counter = createRedisCounter({ url, limit: 1, windowMs: 200, prefix: `test:${randomUUID()}:` });
    try {
      expect(await counter.hit('k')).toBe(true);
      expect(await counter.hit('k')).toBe(false);
      // The window's key carries a PEXPIRE: once it has passed, the conversation may talk again (polled, bounded).
      const deadline = Date.now() + 5000;
      let again = false;
      while (!again && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50)); // re-check interval, not a synchronising sleep
        again = await counter.hit('k');
      }
      expect(again).toBe(true);
    } finally {
      await counter.close();
    }
  });

});

const binary = findRedisServerBinary();

describeIfAvailable('per-conversation limit while Redis is down', binary ? undefined : 'no redis-server binary on PATH', () => {
  let server: RedisServer;
  let limited: LimitedConversations;
  const service = countingService();

  beforeAll(async () => {
    server = await startRedisServer(String(binary));
    limited = withConversationLimit(service, { perMinute: LIMIT, knowledge: loadKnowledge(), store: createMemoryStore(), logger: createSilentLogger(), redisUrl: server.url });
  });
  afterAll(async () => {
    await limited.closeLimiter();
    await server.stop();
  });

  it('lets messages through while Redis is down and limits again once it is back', async () => {
    const key = `webchat:${randomUUID()}`;
    await server.stop();
    for (let i = 0; i < LIMIT + 2; i += 1) expect((await limited.handle(message(key, `down${i}`))).replies[0].text).toBe('handled');
    await server.start();
    const texts: string[] = [];
    for (let i = 0; i < LIMIT + 1; i += 1) texts.push(String((await limited.handle(message(key, `up${i}`))).replies[0].text));
    expect(texts.slice(0, LIMIT)).toEqual(Array(LIMIT).fill('handled'));
    expect(texts[LIMIT]).toMatch(/a lot of messages/i);
  });
});
