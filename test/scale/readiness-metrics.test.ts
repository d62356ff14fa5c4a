// Production niceties on the real bot with Redis: /metrics counts what a journey did (turns by channel, latency,
// intents, fallbacks, escalations, handoffs) and storage failures; /readyz follows Redis (stopped → 503, back → 200).
// Needs a private redis-server it may stop: a shared REDIS_URL is never stopped.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { loadBrain } from '../../bot/brain';
import { createLogger } from '../../bot/logger';
import { createActivityBuilder } from '../support/activity-builders';
import { describeIfAvailable, findRedisServerBinary, startRedisServer, type RedisServer } from '../support/redis-server';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { waitFor } from '../directline/dl-client';
import { postActivity } from './conversation-state';
import { loadedFlow, pathFor } from '../support/diagnosis';

const binary = findRedisServerBinary();
const READY_WAIT_MS = 15_000;

/** The value of one sample line of the Prometheus text (`name{labels} value`), 0 when absent. */
function sample(metrics: string, name: string, labels: Readonly<Record<string, string>> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = metrics.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every((w) => l.includes(w)) : false);
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describeIfAvailable('readiness and metrics of the bot on Redis', binary ? undefined : 'no redis-server binary to stop and restart (REDIS_SERVER_BIN)', () => {
  let redis: RedisServer;
  let sink: ServiceUrlSink;
  let bot: RunningBot;

  beforeAll(async () => {
    redis = await startRedisServer(String(binary));
    sink = await startServiceUrlSink();
    const brain = loadBrain({ knowledgeDir: path.resolve(__dirname, '../../knowledge'), logger: createLogger({ level: 'silent' }) });
    bot = await startBot({ brain, env: { REDIS_URL: redis.url, AGENT_TOKEN: 'agent-token' } }); // an inbox: escalations hand off
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await removeDataDir(bot?.dataDir ?? '');
    await sink?.close();
    await redis?.stop();
  });

  const metrics = async (): Promise<string> => (await bot.request('/metrics')).text;
  const readyStatus = async (): Promise<number> => (await bot.request('/readyz')).status;

  it('counts turns by channel, their latency, intents, fallbacks, an escalation and its handoff', async () => {
    const chat = createActivityBuilder({ serviceUrl: sink.url, locale: 'en-US', conversationId: `metrics-${randomUUID()}` });
    const say = async (text: string): Promise<void> => expect(await postActivity(bot.url, chat.message(text))).toBe(200);
    // An error text named: its fixes first, no diagnostic question; its plan covers the main path, so "no" at each of
    // those steps ends in escalation.
    const nos = pathFor(loadedFlow(), 'failed').length;
    await say('my backup failed, it says the last backup could not be completed');
    await say('qwzx vbnm plkj');
    for (let i = 0; i < nos; i += 1) await say('no');
    const turns = nos + 2;
    const text = await metrics();
    expect(sample(text, 'bot_turns_total', { channel: 'emulator', handled_by: 'bot' })).toBe(turns);
    expect(sample(text, 'bot_turn_duration_seconds_count', { channel: 'emulator' })).toBe(turns);
    expect(sample(text, 'bot_turn_duration_seconds_bucket', { channel: 'emulator', le: '+Inf' })).toBe(turns);
    expect(sample(text, 'bot_intents_total', { intent: 'unknown' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'bot_fallbacks_total', { channel: 'emulator' })).toBe(1);
    expect(sample(text, 'bot_escalations_total', { channel: 'emulator' })).toBe(1);
    expect(sample(text, 'bot_handoffs_total', { channel: 'emulator', reason: 'all_fixes_failed' })).toBe(1);
    expect(sample(text, 'bot_storage_errors_total')).toBe(0);
  });

  it('is unready while Redis is stopped, answers turns with the apology and counts the storage errors, then recovers', async () => {
    expect(await readyStatus()).toBe(200);
    await redis.stop();
    await waitFor(async () => (await readyStatus()) === 503 || undefined, '/readyz 503 with Redis stopped', READY_WAIT_MS);
    const chat = createActivityBuilder({ serviceUrl: sink.url, locale: 'en-US', conversationId: `outage-${randomUUID()}` });
    const during = chat.message('my backup failed');
    expect(await postActivity(bot.url, during)).toBe(200);
    expect(sink.messages(chat.conversationId, during.id)).toHaveLength(1); // the knowledge's `error` reply
    const text = await metrics();
    expect(sample(text, 'bot_storage_errors_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'bot_turn_errors_total', { channel: 'emulator' })).toBe(1);

    await redis.start();
    await waitFor(async () => (await readyStatus()) === 200 || undefined, '/readyz 200 with Redis back', READY_WAIT_MS);
    const after = chat.message('my backup failed');
    expect(await postActivity(bot.url, after)).toBe(200);
    expect(sink.messages(chat.conversationId, after.id).length).toBeGreaterThan(0);
    expect(sample(await metrics(), 'bot_turn_errors_total', { channel: 'emulator' })).toBe(1);
  });
});
