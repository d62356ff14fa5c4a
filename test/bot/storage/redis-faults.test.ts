// Faults: Redis stopped mid-use → quick StorageUnavailableError (never a hang); after a restart, everything works again.
import type { BotStore } from '../../../bot/ports';
import { createRedisStore, StorageUnavailableError } from '../../../bot/storage';
import { describeIfAvailable, findRedisServerBinary, startRedisServer, type RedisServer } from '../../support/redis-server';

const binary = findRedisServerBinary();
/** Far above the ≤ 0.5 s it takes here, far below "hung": a bound on behaviour, not a speed test. */
const BOUND_MS = 5_000;

/** Resolves to what the operation did, or to 'hung' if it took longer than the bound. */
async function within<T>(operation: Promise<T>): Promise<{ ok: T } | { error: unknown } | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), BOUND_MS)));
  const settled = operation.then((ok) => ({ ok }), (error: unknown) => ({ error }));
  const result = await Promise.race([settled, hung]);
  clearTimeout(timer);
  return result;
}

/** Retries an operation until it succeeds, within a bounded deadline (the client reconnects on its own). */
async function untilOk(operation: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await operation().then(() => true, () => false))) {
    if (Date.now() > deadline) throw new Error('redis did not come back');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeIfAvailable('redis store faults', binary ? undefined : 'no redis-server binary to stop and restart', () => {
  let server: RedisServer;
  let store: BotStore;
  beforeAll(async () => {
    server = await startRedisServer(binary as string);
    store = createRedisStore({ url: server.url, prefix: 'faults:', commandTimeoutMs: 1000, connectTimeoutMs: 1000 });
  });
  afterAll(async () => {
    await store.close();
    await server.stop();
  });

  it('rejects every kind of operation quickly with StorageUnavailableError while Redis is stopped, then recovers', async () => {
    await store.storage.write({ 'session/a': { n: 1 } });
    const heard: string[] = [];
    await store.bus.subscribe('dl/conv', (message) => heard.push(message));

    await server.stop();
    const operations: [string, Promise<unknown>][] = [
      ['storage.read', store.storage.read(['session/a'])],
      ['storage.write', store.storage.write({ 'session/a': { n: 2 } })],
      ['logs.append', store.logs.append('transcript/a', { text: 'hi' })],
      ['outbox.enqueue', store.outbox.enqueue({ id: 't', kind: 'ticket', payload: {} })],
      ['outbox.claimDue', store.outbox.claimDue(Date.now(), 5, 1000)],
      ['bus.publish', store.bus.publish('dl/conv', 'x')],
      ['ping', store.ping()],
    ];
    for (const [name, operation] of operations) {
      const result = await within(operation);
      expect([name, result === 'hung' ? 'hung' : 'error' in result ? 'rejected' : 'resolved']).toEqual([name, 'rejected']);
      const error = (result as { error: unknown }).error;
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', backend: 'redis' });
    }

    await server.start();
    await untilOk(() => store.ping());
    // The private server restarts empty (--save ''): what matters is that the same store instance works again.
    await store.storage.write({ 'session/a': { n: 3 } });
    expect((await store.storage.read(['session/a']))['session/a']).toMatchObject({ n: 3 });
    expect(await store.logs.append('transcript/a', { text: 'back' })).toBe(0);

    // The subscription is restored on reconnect, so Direct Line streams hear new activities again. The listening
    // connection reconnects on its own schedule; once a new SUBSCRIBE on it succeeds, the old ones are back too.
    let sentinelHeard: () => void = () => undefined;
    const sentinel = new Promise<void>((resolve) => (sentinelHeard = resolve));
    await untilOk(() => store.bus.subscribe('dl/sentinel', () => sentinelHeard()));
    await store.bus.publish('dl/conv', 'after restart');
    await store.bus.publish('dl/sentinel', 'done');
    await sentinel;
    expect(heard).toEqual(['after restart']);
  });
});
