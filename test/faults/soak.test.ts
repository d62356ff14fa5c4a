// Soak: 200 conversations on loopback, each a full journey to escalation (every fix fails → a ticket at the help
// desk), against one bot process on a private durable Redis, while the help desk is cut (503) and restored and Redis
// is stopped and restarted. Users whose turn got the apology press the same button again once Redis is back. At the
// end every conversation is consistent and every ticket was created exactly once (counted by idempotency key).
import { describeWithRedisWorld } from './support/redis-world';
import { checkAll, deskCounts, report } from './support/consistency';
import { createFaultUser, type FaultUser } from './support/fault-user';
import { apologyText, createGate, createProgress, settleLoad } from './support/fault-world';
import { runLoad } from './support/load';
import { loadedFlow, mainPath } from '../support/diagnosis';

const CONVERSATIONS = 200;
const CONCURRENCY = 12;
/** Turns of one journey: "My backup failed", "I'm not sure" to the diagnostic question, then "No" at each main step. */
const TURNS = CONVERSATIONS * (2 + mainPath(loadedFlow()).length);
const APOLOGY = apologyText();

describeWithRedisWorld('soak: help desk and Redis cut and restored under load', (get) => {
  it('ends with every conversation consistent and every ticket delivered exactly once', async () => {
    const { redis, world } = get();
    const gate = createGate();
    const progress = createProgress();
    const users: FaultUser[] = Array.from({ length: CONVERSATIONS }, (_, i) =>
      createFaultUser({ sink: world.sink, conversationId: `soak-${i}-${process.pid}`, botUrl: world.botUrl, apology: APOLOGY, beforeRetry: gate.wait, onAttempt: progress.record }),
    );
    const faults: string[] = [];
    // Faults placed by progress (answered turns), so they land mid-load on any machine speed.
    const script = (async () => {
      await progress.when((c) => c.answered >= TURNS * 0.1);
      world.desk.down(503);
      faults.push(`help desk down at ${progress.counts.answered} answered turns`);
      await progress.when((c) => c.answered >= TURNS * 0.3);
      gate.close();
      await redis.stop();
      const failedBefore = progress.counts.apology + progress.counts.unanswered;
      faults.push(`redis stopped at ${progress.counts.answered} answered turns`);
      // Every user has hit the outage and is waiting to retry: no turn is in flight any more.
      await progress.when((c) => c.apology + c.unanswered - failedBefore >= CONCURRENCY);
      await redis.start();
      await world.waitReady();
      gate.open();
      faults.push(`redis back after ${progress.counts.apology + progress.counts.unanswered - failedBefore} failed turns`);
      // Restored well before the end, so the outbox's backed-off retries finish while the load still runs.
      await progress.when((c) => c.answered >= TURNS * 0.45);
      world.desk.up();
      faults.push(`help desk back at ${progress.counts.answered} answered turns`);
    })().catch((err: unknown) => {
      // A fault that could not be placed or undone must not leave the users waiting at a closed gate.
      faults.push(`fault script failed: ${String(err)}`);
      gate.open();
      world.desk.up();
    });

    const load = await runLoad(users, CONCURRENCY);
    const waits = await settleLoad(world, { load, script, broken: () => faults.filter((f) => f.startsWith('fault script failed')) }, progress, CONVERSATIONS);

    const counts = deskCounts(world.desk);
    // Redis stopped under turns in flight: a write it ran whose answer was lost got the apology, yet is stored.
    const checked = await checkAll(world.reader(), users, counts, { apologyMayHaveLanded: true });
    const resent = [...counts.accepted.values()].filter((n) => n > 1).length;
    const summary = {
      conversations: CONVERSATIONS,
      loadMs: load.ms,
      ...progress.counts,
      ticketsCreated: world.desk.tickets.length,
      deskRequests: world.desk.requests.length,
      deskRefused: world.desk.requests.filter((r) => r.status >= 300).length,
      resentAfterSuccess: resent,
      faults,
    };
    console.info(`soak: ${JSON.stringify(summary)}`);
    expect(`${waits.join('\n')}\n${report(checked)}`.trim()).toBe('');
    expect(world.desk.tickets).toHaveLength(CONVERSATIONS);
    expect([...counts.created.values()].every((n) => n === 1)).toBe(true);
    expect(progress.counts.apology).toBeGreaterThan(0); // the Redis cut was felt
    expect(summary.deskRefused).toBeGreaterThan(0); // and so was the help desk's
  }, 240_000);
});
