// Process killed (SIGKILL) at seeded random points of a bounded load: the bot process on a SQLite DATA_DIR, then the
// bot and its Redis on a durable private server. Each time the killed process is started again on the same
// DATA_DIR / REDIS_URL and the users retry the turns left unanswered. At the end no conversation is lost (each went
// on from its step to escalation, consistent with its transcript) and no ticket was created twice.
import type { RedisServer } from '../support/redis-server';
import { describeWithRedisWorld } from './support/redis-world';
import { checkAll, deskCounts, report } from './support/consistency';
import { createFaultUser, type FaultUser } from './support/fault-user';
import { apologyText, createGate, createProgress, settleLoad, startFaultWorld, type FaultWorld, type Gate, type Progress } from './support/fault-world';
import { createRandom } from '../../dialogs/nlu/random';
import { runLoad } from './support/load';

const APOLOGY = apologyText();
const CONCURRENCY = 8;

type Victim = 'bot' | 'redis';

/** `count` kill points (answered turns) between 10% and 85% of the load, from a fixed seed, at least 5% apart. */
function killPoints(seed: number, count: number, turns: number): number[] {
  const random = createRandom(seed); // the NLU's seeded generator: the same fault points on every run
  const slot = (0.75 * turns) / count;
  return Array.from({ length: count }, (_, i) => Math.round(turns * 0.1 + slot * i + random() * (slot - turns * 0.05)));
}

async function killAndRestart(victim: Victim, world: FaultWorld, redis: RedisServer | undefined, gate: Gate): Promise<void> {
  gate.close();
  if (victim === 'bot') {
    expect(await world.bot().stop('SIGKILL')).toBeNull();
    await world.restart();
  } else {
    await redis?.stop('SIGKILL');
    await redis?.start();
  }
  await world.waitReady();
  gate.open();
}

async function killedLoad(world: FaultWorld, victims: readonly Victim[], conversations: number, seed: number, redis?: RedisServer) {
  const gate = createGate();
  const progress: Progress = createProgress();
  const users: FaultUser[] = Array.from({ length: conversations }, (_, i) =>
    createFaultUser({ sink: world.sink, conversationId: `kill-${seed}-${i}-${process.pid}`, botUrl: world.botUrl, apology: APOLOGY, beforeRetry: gate.wait, onAttempt: progress.record }),
  );
  const points = killPoints(seed, victims.length, conversations * 8);
  const kills: string[] = [];
  const script = (async () => {
    for (const [i, point] of points.entries()) {
      await progress.when((c) => c.answered >= point);
      kills.push(`${victims[i]} at ${progress.counts.answered}`);
      await killAndRestart(victims[i], world, redis, gate);
    }
  })().catch((err: unknown) => {
    kills.push(`failed: ${String(err)}`); // the users must not be left waiting at a closed gate
    gate.open();
  });
  const load = await runLoad(users, CONCURRENCY);
  const waits = await settleLoad(world, { load, script, broken: () => kills.filter((k) => k.startsWith('failed')) }, progress, conversations);
  const counts = deskCounts(world.desk);
  const checked = await checkAll(world.reader(), users, counts, { apologyMayHaveLanded: victims.includes('redis') });
  const summary = { conversations, loadMs: load.ms, ...progress.counts, kills, tickets: world.desk.tickets.length, deskRequests: world.desk.requests.length, resentAfterSuccess: [...counts.accepted.values()].filter((n) => n > 1).length };
  console.info(`sigkill: ${JSON.stringify(summary)}`);
  expect(`${waits.join('\n')}\n${report(checked)}`.trim()).toBe('');
  expect(world.desk.tickets).toHaveLength(conversations);
  expect([...counts.created.values()].every((n) => n === 1)).toBe(true);
  expect(kills).toHaveLength(victims.length);
}

describe('SIGKILL at random points: the bot process on SQLite', () => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await startFaultWorld();
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  }, 60_000);

  it('loses no conversation and creates no duplicate ticket across three kills and restarts', async () => {
    await killedLoad(world, ['bot', 'bot', 'bot'], 40, 11);
  }, 240_000);
});

describeWithRedisWorld('SIGKILL at random points: the bot and its Redis', (get) => {
  it('loses no conversation and creates no duplicate ticket when the bot, then Redis, then the bot are killed', async () => {
    const { redis, world } = get();
    await killedLoad(world, ['bot', 'redis', 'bot'], 30, 23, redis);
  }, 240_000);
});
