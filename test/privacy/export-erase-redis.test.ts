// Export and erasure on Redis, through the privacy API: a Bot Framework user (with a ticketed handoff and an
// unrecognized message) and a web chat user (our Direct Line: its conversation record and activity log) are exported
// and erased; afterwards no key under the store's prefix holds a word they said, the other user's words are all
// still there, the user index no longer knows them, and each erasure left one record naming nobody.
import { loadConfig } from '../../bot/config';
import { itemLifetimes } from '../../bot/privacy/lifetimes';
import { createRedisStore } from '../../bot/storage';
import { deleteByPrefix, useRedis } from '../bot/storage/redis-fixture';
import { createClient } from '../directline/dl-client';
import { startHelpdeskRecorder, type HelpdeskRecorder } from '../handoff/support/helpdesk-recorder';
import { createBfConversation } from '../support/bf-conversation';
import { filesContaining } from '../support/raw-bytes';
import { describeIfAvailable, redisSource } from '../support/redis-server';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { holding, redisPlaces } from './support/store-scan';

const ALICE = ['my backup stopped near the tangerine okapi', 'flummox gazpacho zeppelin', 'talk to a person'];
const WEB = 'web chat words about a lavender pangolin';
const BOB = 'bob says his backup failed by the granite heron';

const source = redisSource();
describeIfAvailable('privacy export and erasure on Redis (the API)', source.kind === 'none' ? source.reason : undefined, () => {
  const redis = useRedis();
  const prefix = `test:${process.pid}:privacy-api:`;
  let sink: ServiceUrlSink;
  let recorder: HelpdeskRecorder;
  let bot: RunningBot;
  beforeAll(async () => {
    [sink, recorder] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder()]);
    const store = createRedisStore({ url: redis.url(), prefix, itemTtlMs: itemLifetimes(loadConfig({})) });
    bot = await startBot({ store, env: { ADMIN_TOKEN: 'admin', HELPDESK_KIND: 'webhook', HELPDESK_URL: recorder.url, HELPDESK_SECRET: 's' } });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([sink.close(), recorder.close(), removeDataDir(bot.dataDir)]);
  });
  afterEach(() => deleteByPrefix(redis.url(), prefix));
  const api = async (path: string, body: unknown) =>
    bot.request(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer admin' }, body: JSON.stringify(body) });

  it('exports and erases a Bot Framework user and a web chat user, and nothing of anyone else', async () => {
    const alice = createBfConversation(bot, sink, { user: { id: 'user-alice', name: 'Alice' } });
    const bob = createBfConversation(bot, sink, { user: { id: 'user-bob', name: 'Bob' } });
    await alice.join();
    for (const text of ALICE) await alice.say(text);
    await bob.join();
    await bob.say(BOB);
    const dl = createClient(`${bot.url}/v3/directline`);
    const { body: web } = await dl.start();
    await dl.post(web.conversationId, web.token, { type: 'message', text: WEB });
    const activities = await dl.until(web.conversationId, web.token, (all) => all.filter((a) => a.from?.role === 'bot').length >= 2, 'the reply');
    const webUser = String(activities.find((a) => a.from?.role === 'user')?.from?.id);
    await bot.bot.handoff.worker.tick();

    const exported = await api('/privacy/api/export', { user: 'user-alice' });
    expect(exported.text).toContain('tangerine okapi');
    expect(exported.text).toContain('flummox gazpacho zeppelin'); // the unrecognized message
    expect(exported.text).not.toContain('granite heron');
    const webExport = await api('/privacy/api/export', { user: webUser, channel: 'webchat' });
    expect(webExport.json).toMatchObject({ conversations: [`webchat:${web.conversationId}`], data: { directLine: [{ conversationId: web.conversationId, record: { userId: webUser } }] } });
    expect(webExport.text).toContain('lavender pangolin');

    const before = await redisPlaces(redis.url(), prefix);
    for (const marker of ['tangerine okapi', 'lavender pangolin']) expect(holding(before, marker)).not.toEqual([]);
    const first = await api('/privacy/api/erase', { user: 'user-alice' });
    const second = await api('/privacy/api/erase', { user: webUser, channel: 'webchat' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json).toMatchObject({ erasure: { counts: { directLine: 2, sessions: 1, transcripts: 1, conversations: 1 } } });

    const after = await redisPlaces(redis.url(), prefix);
    for (const marker of ['tangerine okapi', 'flummox gazpacho', 'lavender pangolin', 'Alice']) expect(holding(after, marker)).toEqual([]);
    expect(holding(after, 'granite heron').length).toBeGreaterThanOrEqual(2); // Bob's session and transcript
    expect(filesContaining(bot.dataDir, 'flummox gazpacho')).toEqual([]);
    expect((await api('/privacy/api/export', { user: 'user-alice' })).json).toMatchObject({ conversations: [] });
    const erasures = holding(after, 'requestedBy');
    expect(erasures.map((p) => p.where)).toEqual(['log:{privacy/erasures}']);
    expect(erasures[0].text).not.toMatch(/alice|dl_/);
    expect((await bob.say('are you still there?')).status).toBe(200);
  });
});
