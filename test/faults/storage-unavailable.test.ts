// Storage unavailable mid-conversation, through the real HTTP edge of a real bot process: SQLite locked by another
// connection, then Redis stopped. A few conversations are half-way through; their next turn gets the apology (the
// knowledge's `error` reply, a way forward, no stack trace) and changes nothing stored; once storage is back, the
// users press the same button again and carry on to escalation, with one ticket each at the help desk.
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_SQLITE_FILE } from '../../bot/storage/sqlite-store';
import { conversationState, type ConversationState } from '../scale/conversation-state';
import { describeWithRedisWorld } from './support/redis-world';
import { checkAll, deskCounts, report } from './support/consistency';
import { createFaultUser, type FaultUser } from './support/fault-user';
import { apologyText, createGate, createProgress, startFaultWorld, type FaultWorld, type Gate, type Progress } from './support/fault-world';

const CONVERSATIONS = 6;
const APOLOGY = apologyText();

/** Users half-way through (two steps answered), their turns retried only when the gate opens. */
async function usersAtStepTwo(world: FaultWorld, gate: Gate, progress: Progress, tag: string): Promise<FaultUser[]> {
  const users = Array.from({ length: CONVERSATIONS }, (_, i) =>
    createFaultUser({ sink: world.sink, conversationId: `fault-${tag}-${i}-${process.pid}`, botUrl: world.botUrl, apology: APOLOGY, beforeRetry: gate.wait, onAttempt: progress.record }),
  );
  await Promise.all(users.map(async (user) => {
    await user.turn('intent:backup_failed', undefined, 'My backup failed');
    await user.turn('no', user.askedStep(), 'No');
  }));
  return users;
}

/** The storage is down: every user's next "No" gets the apology and nothing else; returns the turns in flight. */
async function pressDuringOutage(users: readonly FaultUser[], progress: Progress): Promise<Promise<unknown>[]> {
  const before = progress.counts.apology;
  const turns = users.map((user) => user.turn('no', user.askedStep(), 'No'));
  await progress.when((c) => c.apology >= before + users.length || c.unanswered > 0);
  for (const user of users) {
    const failed = user.attempts.at(-1);
    expect({ user: user.conversationKey, outcome: failed?.outcome, status: failed?.status }).toEqual({ user: user.conversationKey, outcome: 'apology', status: 200 });
    const texts = (failed?.replies ?? []).map((r) => r.text ?? '');
    expect(texts).toEqual([APOLOGY]); // the apology alone: no half-turn's replies, no stack trace
    expect(texts[0]).toMatch(/try that again/i); // a way forward
  }
  return turns;
}

async function states(world: FaultWorld, users: readonly FaultUser[]): Promise<ConversationState[]> {
  return Promise.all(users.map((u) => conversationState(world.reader(), u.conversationKey)));
}

/** Everyone carries on to escalation; then every conversation is consistent with exactly one ticket delivered. */
async function finishAndCheck(world: FaultWorld, users: readonly FaultUser[], inFlight: Promise<unknown>[]): Promise<void> {
  await Promise.all(inFlight);
  await Promise.all(users.map((u) => u.journey()));
  await world.desk.waitForTickets(users.length, 60_000);
  await world.waitTicketsDelivered(users.length);
  const counts = deskCounts(world.desk);
  expect(report(await checkAll(world.reader(), users, counts))).toBe('');
  expect(world.desk.tickets).toHaveLength(users.length);
}

describe('storage unavailable mid-conversation: SQLite locked by another connection', () => {
  let world: FaultWorld;
  let lock: Database.Database | undefined;

  beforeAll(async () => {
    world = await startFaultWorld();
  }, 180_000);
  afterAll(async () => {
    lock?.close();
    await world?.close();
  }, 60_000);

  it('apologises without writing anything while the write lock is held, then carries on from the same step', async () => {
    const gate = createGate();
    const progress = createProgress();
    const users = await usersAtStepTwo(world, gate, progress, 'sqlite');
    const before = await states(world, users); // the reader connection opens before the lock is taken
    gate.close();
    lock = new Database(path.join(world.dataDir, DEFAULT_SQLITE_FILE));
    lock.exec('BEGIN IMMEDIATE'); // another process holding the write lock (a backup tool, a stuck migration)
    const inFlight = await pressDuringOutage(users, progress);
    expect(await states(world, users)).toEqual(before); // readers still work (WAL): nothing was written
    expect((await world.reader().outbox.list()).length).toBe(0);
    lock.exec('ROLLBACK');
    lock.close();
    lock = undefined;
    gate.open();
    await finishAndCheck(world, users, inFlight);
    expect(progress.counts.unanswered).toBe(0);
  }, 180_000);
});

describeWithRedisWorld('storage unavailable mid-conversation: Redis stopped', (get) => {
  it('apologises while Redis is down, keeps every conversation as it was, and carries on once Redis is back', async () => {
    const { redis, world } = get();
    const gate = createGate();
    const progress = createProgress();
    const users = await usersAtStepTwo(world, gate, progress, 'redis');
    const before = await states(world, users);
    gate.close();
    await redis.stop();
    const inFlight = await pressDuringOutage(users, progress);
    await redis.start();
    await world.waitReady();
    expect(await states(world, users)).toEqual(before);
    expect((await world.reader().outbox.list()).length).toBe(0);
    gate.open();
    await finishAndCheck(world, users, inFlight);
    expect(progress.counts.unanswered).toBe(0);
  }, 180_000);
});
