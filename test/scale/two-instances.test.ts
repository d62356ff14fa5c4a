// Scale-out: two bot processes sharing one Redis, no sticky sessions. One conversation's turns alternate between them
// and the journey completes; a web chat conversation created on A streams from B; two turns at once lose nothing;
// A is killed (SIGKILL) mid-conversation and B carries on with the session and transcript intact.
import { randomUUID } from 'node:crypto';
import type { BotStore } from '../../bot/ports';
import { createRedisStore } from '../../bot/storage';
import { createLogger } from '../../bot/logger';
import { createActivityBuilder, type ActivityBuilder } from '../support/activity-builders';
import { describeIfAvailable, redisSource, startRedisServer, type RedisServer } from '../support/redis-server';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { makeDataDir, removeDataDir } from '../support/start-bot';
import { createClient, openStream, waitFor } from '../directline/dl-client';
import { startBotProcess, type BotProcess } from './bot-process';
import { conversationState, postActivity, userLines } from './conversation-state';

const source = redisSource();
const WAIT_MS = 20_000;

describeIfAvailable('two bot processes on one Redis', source.kind === 'none' ? source.reason : undefined, () => {
  let redis: RedisServer | undefined;
  let store: BotStore;
  let sink: ServiceUrlSink;
  let dataDir: string;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    if (source.kind === 'binary') redis = await startRedisServer(source.binary);
    const url = source.kind === 'url' ? source.url : String(redis?.url);
    sink = await startServiceUrlSink();
    dataDir = await makeDataDir();
    // One after the other on one DATA_DIR: A trains the NLU and caches the model there, B starts from that cache.
    a = await startBotProcess('A', { REDIS_URL: url, DATA_DIR: dataDir });
    b = await startBotProcess('B', { REDIS_URL: url, DATA_DIR: dataDir });
    store = createRedisStore({ url, logger: createLogger({ level: 'silent' }) }); // the bots' default key prefix
  }, 300_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    await sink?.close();
    await redis?.stop();
    if (dataDir) await removeDataDir(dataDir);
  }, 60_000);

  const conversation = (): ActivityBuilder => createActivityBuilder({ serviceUrl: sink.url, locale: 'en-US', conversationId: `scale-${randomUUID()}` });
  const keyOf = (chat: ActivityBuilder): string => `${chat.channelId}:${chat.conversationId}`;

  /** One turn on one instance: 200 and at least one reply at the sink, else the instance's log in the failure. */
  async function turn(on: BotProcess, chat: ActivityBuilder, text: string): Promise<void> {
    const activity = chat.message(text);
    const status = await postActivity(on.url, activity);
    const replies = sink.messages(chat.conversationId, activity.id).length;
    if (status !== 200 || replies === 0) throw new Error(`"${text}" on ${on.name}: HTTP ${status}, ${replies} replies\n${on.log()}`);
    // Its log line reaches the instance's stdout in a batch (within 100 ms): the journey test reads it afterwards.
    await waitFor(() => on.log().includes(`"conversation":"${keyOf(chat)}"`), `${on.name}'s turn line`, WAIT_MS);
  }

  it('completes a troubleshooting journey with its turns alternating between the instances', async () => {
    const chat = conversation();
    const instances = [a, b];
    // A cause named in the first message starts at its fix (a bare complaint gets the diagnostic question first).
    await turn(a, chat, 'my iPhone backup failed, iCloud storage is full');
    const steps: (string | undefined)[] = [(await conversationState(store, keyOf(chat))).session?.stepId];
    for (let i = 1; i <= 12 && (await conversationState(store, keyOf(chat))).session?.status === 'in_flow'; i += 1) {
      await turn(instances[i % 2], chat, 'no');
      steps.push((await conversationState(store, keyOf(chat))).session?.stepId);
    }
    const state = await conversationState(store, keyOf(chat));
    expect(state.session?.status).toBe('escalated');
    expect(new Set(steps).size).toBeGreaterThanOrEqual(5); // every "no" moved on to another step
    // Shown steps failed, or were passed over at their warning ("go ahead?" → no); the computer branch doesn't apply.
    expect(state.session?.steps.every((s) => s.outcome === 'not_fixed' || s.outcome === 'passed' || s.outcome === 'skipped')).toBe(true);
    expect(userLines(state)).toEqual(['my iPhone backup failed, iCloud storage is full', ...steps.slice(1).map(() => 'no')]);
    // Both instances answered this conversation.
    for (const instance of instances) expect(instance.log()).toContain(`"conversation":"${keyOf(chat)}"`);
  });

  it('streams a web chat conversation created on A from B, with the bot replies made on A', async () => {
    const onA = createClient(`${a.url}/v3/directline`);
    const started = await onA.start();
    expect(started.status).toBe(201);
    const streamUrl = new URL(started.body.streamUrl);
    streamUrl.host = new URL(b.url).host; // the client's stream lands on the other instance
    const stream = await openStream(streamUrl.toString());
    try {
      await waitFor(() => stream.activities().find((x) => x.type === 'message'), 'the welcome, streamed from B', WAIT_MS);
      const posted = await onA.post(started.body.conversationId, started.body.token, { type: 'message', from: { id: 'web-user' }, text: 'my backup failed' });
      expect(posted.status).toBe(200);
      const echoed = await waitFor(() => stream.activities().find((x) => x.id === posted.body.id), "the user's message on B", WAIT_MS);
      expect(echoed.text).toBe('my backup failed');
      const reply = await waitFor(() => stream.activities().find((x) => x.replyToId === posted.body.id && x.type === 'message'), 'the reply on B', WAIT_MS);
      expect(reply.from?.id).not.toBe(echoed.from?.id);
      expect(Boolean(reply.text) || Array.isArray(reply.attachments)).toBe(true); // web chat shows steps as cards
    } finally {
      stream.close();
    }
  });

  it('loses no update when two turns of one conversation arrive at once, on one instance or on both', async () => {
    const chat = conversation();
    await turn(a, chat, 'my backup failed, icloud storage is full');
    const before = (await conversationState(store, keyOf(chat))).session?.turns ?? 0;
    await Promise.all([turn(a, chat, 'no'), turn(b, chat, 'nope, same error')]);
    await Promise.all([turn(b, chat, 'no luck, it still fails'), turn(b, chat, 'nope, still failing')]);
    const state = await conversationState(store, keyOf(chat));
    expect(state.session?.turns).toBe(before + 4);
    expect(state.session?.steps).toHaveLength(4);
    expect(userLines(state).slice(0, 1)).toEqual(['my backup failed, icloud storage is full']);
    expect([...userLines(state).slice(1, 3)].sort()).toEqual(['no', 'nope, same error']);
    expect([...userLines(state).slice(3)].sort()).toEqual(['no luck, it still fails', 'nope, still failing']);
  });

  it('carries on on B when A is killed mid-conversation: the session step and the transcript are intact', async () => {
    const chat = conversation();
    await turn(a, chat, 'my backup failed');
    await turn(a, chat, 'no');
    const beforeKill = await conversationState(store, keyOf(chat));
    expect(await a.stop('SIGKILL')).toBeNull();
    await turn(b, chat, 'no');
    const after = await conversationState(store, keyOf(chat));
    expect(after.session?.steps.map((s) => s.stepId)).toEqual([...(beforeKill.session?.steps ?? []).map((s) => s.stepId), beforeKill.session?.stepId]);
    expect(after.session?.stepId).not.toBe(beforeKill.session?.stepId);
    expect(after.transcript.slice(0, beforeKill.transcript.length)).toEqual(beforeKill.transcript);
    expect(userLines(after)).toEqual(['my backup failed', 'no', 'no']);
  });
});
