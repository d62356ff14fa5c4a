// Handoff benchmark (`npm run bench:handoff`, not a test): on loopback, with the real bot (express, CloudAdapter,
// SQLite, outbox worker as in production) and a webhook help desk, measures
//   1. escalation → ticket delivered: every fix fails, time from the last "No" posted to the ticket's arrival (p50, p99);
//   2. outbox recovery: the help desk answers 503 for BENCH_OUTAGE_MS while users escalate, then comes back; time from
//      its return until each waiting ticket arrives, with the default backoff. Every ticket must arrive exactly once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBot } from '../bot/boot';
import { loadConfig } from '../bot/config';
import { createSilentLogger } from '../bot/logger';
import { createButtonsBrain } from '../test/handoff/support/buttons-brain';
import { startBenchSink } from './sink';
import { summarize } from './stats';

const ESCALATIONS = Number(process.env.BENCH_ESCALATIONS ?? 50);
const OUTAGE_MS = Number(process.env.BENCH_OUTAGE_MS ?? 10_000);
const OUTAGE_USERS = Number(process.env.BENCH_OUTAGE_USERS ?? 20);

/** A help desk: records when each ticket (by idempotency key) first arrived; answers 503 while `down`. */
async function startHelpdesk() {
  const arrivals = new Map<string, { at: number; conversation: string; count: number }>();
  let down = false;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (down) return void res.writeHead(503).end();
      const key = String(req.headers['idempotency-key']);
      const seen = arrivals.get(key);
      if (seen) seen.count += 1;
      else arrivals.set(key, { at: performance.now(), conversation: (JSON.parse(body) as { packet: { conversation: string } }).packet.conversation, count: 1 });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const byConversation = (conversation: string) => [...arrivals.values()].find((a) => a.conversation === conversation);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tickets`,
    arrivals,
    byConversation,
    setDown: (value: boolean) => void (down = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-handoff-'));
  const [helpdesk, sink] = await Promise.all([startHelpdesk(), startBenchSink()]);
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', HELPDESK_KIND: 'webhook', HELPDESK_URL: helpdesk.url, HELPDESK_SECRET: 'bench' });
  const bot = await createBot({ config, logger: createSilentLogger(), brain: createButtonsBrain() });
  const { url } = await bot.listen();
  bot.handoff.start();
  let seq = 0;
  const post = async (conversation: string, extra: Record<string, unknown>) => {
    seq += 1;
    const activity = { type: 'message', id: `a${seq}`, channelId: 'emulator', serviceUrl: sink.url, locale: 'en-GB', conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, ...extra };
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (res.status >= 300) throw new Error(`turn failed: ${res.status}`);
  };
  const steps = bot.deps.knowledge.flows[0].steps.map((s) => s.id);
  const turnMs: number[] = [];
  /** Walks one user through every step to escalation; resolves with the time the escalating turn was posted. */
  const escalate = async (conversation: string): Promise<number> => {
    await post(conversation, { value: { action: 'intent:backup_failed' } });
    for (const stepId of steps.slice(0, -1)) await post(conversation, { value: { action: 'no', stepId } });
    const started = performance.now();
    await post(conversation, { value: { action: 'no', stepId: steps[steps.length - 1] } });
    turnMs.push(performance.now() - started);
    return started;
  };
  const until = async (done: () => boolean, ms: number) => {
    const deadline = performance.now() + ms;
    while (!done()) {
      if (performance.now() > deadline) throw new Error('bench: timed out waiting for tickets');
      await new Promise((resolve) => setTimeout(resolve, 2)); // polling the recorder, not synchronising the bot
    }
  };

  const latencies: number[] = [];
  for (let i = 0; i < ESCALATIONS; i += 1) {
    const started = await escalate(`lat-${i}`);
    await until(() => helpdesk.byConversation(`emulator:lat-${i}`) !== undefined, 10_000);
    latencies.push((helpdesk.byConversation(`emulator:lat-${i}`)?.at ?? 0) - started);
  }

  helpdesk.setDown(true);
  const outageStarted = performance.now();
  for (let i = 0; i < OUTAGE_USERS; i += 1) await escalate(`out-${i}`);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (performance.now() - outageStarted)))); // the outage itself
  const attemptsDuringOutage = (await bot.deps.store.outbox.list('pending')).filter((item) => item.kind === 'helpdesk.ticket').map((item) => item.attempts);
  helpdesk.setDown(false);
  const back = performance.now();
  const waiting = Array.from({ length: OUTAGE_USERS }, (_, i) => `emulator:out-${i}`);
  await until(() => waiting.every((c) => helpdesk.byConversation(c) !== undefined), 15 * 60_000);
  const recovery = waiting.map((c) => (helpdesk.byConversation(c)?.at ?? 0) - back);
  const duplicates = [...helpdesk.arrivals.values()].filter((a) => a.count > 1).length;

  const report = {
    escalationToTicketMs: summarize(latencies),
    /** The escalating turn itself (POST /api/messages answered, replies sent), for comparison. */
    escalatingTurnMs: summarize(turnMs.slice(0, ESCALATIONS)),
    outage: { ms: OUTAGE_MS, tickets: OUTAGE_USERS, attemptsBeforeRecovery: summarize(attemptsDuringOutage, 0) },
    recoveryAfterHelpdeskBackMs: { ...summarize(recovery, 0), max: Math.round(Math.max(...recovery)) },
    tickets: helpdesk.arrivals.size,
    duplicatesAtHelpdesk: duplicates,
  };
  console.log(JSON.stringify(report, null, 2));
  await bot.stop();
  await Promise.all([helpdesk.close(), sink.close(), rm(dataDir, { recursive: true, force: true })]);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
