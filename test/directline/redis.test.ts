// Two Direct Line instances on one Redis, no DIRECT_LINE_TOKEN_SECRET: they agree on the signing secret kept in the
// store, and a client streaming from one receives what was posted to the other.
import pino from 'pino';
import { createRedisStore } from '../../bot/storage';
import type { BotStore } from '../../bot/ports';
import { describeIfAvailable, redisSource, startRedisServer, type RedisServer } from '../support/redis-server';
import { createClient, openStream } from './dl-client';
import { startDirectLine, type DirectLineHarness } from './harness';

const source = redisSource();

describeIfAvailable('Direct Line on Redis, two instances', source.kind === 'none' ? source.reason : undefined, () => {
  let server: RedisServer | undefined;
  let a: DirectLineHarness<BotStore>;
  let b: DirectLineHarness<BotStore>;
  beforeAll(async () => {
    if (source.kind === 'binary') server = await startRedisServer(source.binary);
    const url = source.kind === 'url' ? source.url : String(server?.url);
    const prefix = `dl-test-${process.pid}-${Date.now()}:`; // a shared REDIS_URL may hold other data
    const store = () => createRedisStore({ url, prefix, logger: pino({ level: 'silent' }) });
    a = await startDirectLine({ store: store(), config: { tokenSecret: undefined } });
    b = await startDirectLine({ store: store(), config: { tokenSecret: undefined } });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([a?.store.close(), b?.store.close()]);
    await server?.stop();
  });

  it('accepts on one instance the token issued by the other, and streams across them', async () => {
    const { body: conv } = await createClient(a.base).start(); // issued by a, with the secret a stored first
    const stream = await openStream(conv.streamUrl); // stream from a
    await stream.waitForActivity((x) => x.text === 'welcome', 'the welcome');
    const posted = await createClient(b.base).post(conv.conversationId, conv.token, { type: 'message', text: 'to b', channelData: { clientActivityID: 'r-1' } });
    expect(posted.status).toBe(200);
    const echo = await stream.waitForActivity((x) => x.id === posted.body.id, 'the echo of the post to b');
    expect(echo.channelData).toEqual({ clientActivityID: 'r-1' });
    await stream.waitForActivity((x) => x.text === 'echo: to b' && x.replyToId === posted.body.id, 'the reply made on b');
    stream.close();
  });
});
