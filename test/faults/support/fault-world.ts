// Everything a fault suite runs against: the real bot as a process (restartable, killable) on a DATA_DIR and
// optionally a Redis, a service URL sink for its replies, a fake help desk counting tickets by idempotency key,
// a gate the simulated users wait on before retrying, and a progress counter the faults are placed by.
import path from 'node:path';
import { loadKnowledge } from '../../../dialogs';
import { createSqliteStore, createRedisStore } from '../../../bot/storage';
import { createLogger } from '../../../bot/logger';
import type { BotStore } from '../../../bot/ports';
import { startBotProcess, type BotProcess } from '../../scale/bot-process';
import { startHelpdeskRecorder, type HelpdeskRecorder } from '../../handoff/support/helpdesk-recorder';
import { startServiceUrlSink, type ServiceUrlSink } from '../../support/service-url-sink';
import { makeDataDir, removeDataDir } from '../../support/start-bot';
import type { Attempt } from './fault-user';

const READY_DEADLINE_MS = 30_000;

/** The knowledge's `error` reply, as the Bot Framework renderer sends it. */
export function apologyText(): string {
  const loaded = loadKnowledge(path.resolve(__dirname, '../../../knowledge'));
  if (!loaded.ok) throw new Error('knowledge invalid');
  const text = loaded.knowledge.replies.error?.text[0];
  if (!text) throw new Error('knowledge has no `error` reply');
  return text;
}

/** Closed: retries wait; open: they go ahead. */
export interface Gate {
  wait(): Promise<void>;
  close(): void;
  open(): void;
}

export function createGate(): Gate {
  let opened: Promise<void> = Promise.resolve();
  let release: (() => void) | undefined;
  return {
    wait: () => opened,
    close() {
      if (release) return;
      opened = new Promise<void>((resolve) => (release = resolve));
    },
    open() {
      release?.();
      release = undefined;
    },
  };
}

/** Counts attempts by outcome; `when` resolves once a condition over the counts holds (checked at every attempt). */
export interface Progress {
  readonly counts: Record<Attempt['outcome'], number>;
  record(attempt: Attempt): void;
  when(condition: (counts: Progress['counts']) => boolean): Promise<void>;
}

export function createProgress(): Progress {
  const counts = { answered: 0, apology: 0, unanswered: 0 };
  const waiters = new Set<() => void>();
  return {
    counts,
    record(attempt) {
      counts[attempt.outcome] += 1;
      waiters.forEach((check) => check());
    },
    when(condition) {
      if (condition(counts)) return Promise.resolve();
      return new Promise((resolve) => {
        const check = (): void => {
          if (!condition(counts)) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
  };
}

export interface WorldOptions {
  readonly redisUrl?: string;
  readonly env?: Readonly<Record<string, string>>;
}

export interface FaultWorld {
  readonly sink: ServiceUrlSink;
  readonly desk: HelpdeskRecorder;
  readonly dataDir: string;
  readonly bot: () => BotProcess;
  readonly botUrl: () => string;
  /** Starts a bot process on the same DATA_DIR/REDIS_URL (after a kill). */
  restart(): Promise<BotProcess>;
  /** Polls /readyz (the store answers a ping) until 200, bounded. */
  waitReady(): Promise<void>;
  /** A store on the bot's DATA_DIR or Redis, to read what the bot left (open it while the storage is up). */
  reader(): BotStore;
  /** Polls the outbox until `count` ticket items are delivered (bounded). */
  waitTicketsDelivered(count: number, deadlineMs?: number): Promise<void>;
  /** Every bot process's log tail, for failure messages. */
  logs(): string;
  close(): Promise<void>;
}

export async function startFaultWorld(options: WorldOptions = {}): Promise<FaultWorld> {
  const [sink, desk, dataDir] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder(), makeDataDir()]);
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    HELPDESK_KIND: 'webhook',
    HELPDESK_URL: `${desk.url}/tickets`,
    HELPDESK_SECRET: 'fault-secret',
    // The hub event (a proactive send to the sink) rather than a notice turn: one engine turn per user message.
    HANDOFF_BF_EVENTS: 'true',
    // The load comes from one loopback address and ~10 messages a minute per conversation: not what limits are for.
    RATE_LIMIT_PER_MINUTE: '0',
    CONVERSATION_RATE_LIMIT_PER_MINUTE: '0',
    ...options.env,
  };
  const processes: BotProcess[] = [];
  let current = await startBotProcess('bot-1', env);
  processes.push(current);
  let reader: BotStore | undefined;

  const world: FaultWorld = {
    sink,
    desk,
    dataDir,
    bot: () => current,
    botUrl: () => current.url,
    async restart() {
      current = await startBotProcess(`bot-${processes.length + 1}`, env);
      processes.push(current);
      return current;
    },
    async waitReady() {
      const deadline = Date.now() + READY_DEADLINE_MS;
      for (;;) {
        const status = await fetch(`${current.url}/readyz`).then((r) => r.status, () => 0);
        if (status === 200) return;
        if (Date.now() > deadline) throw new Error(`bot not ready within ${READY_DEADLINE_MS} ms\n${current.log()}`);
        await new Promise((resolve) => setTimeout(resolve, 50)); // polling a condition, with the deadline above
      }
    },
    reader() {
      reader ??= options.redisUrl
        ? createRedisStore({ url: options.redisUrl, logger: createLogger({ level: 'silent' }) })
        : createSqliteStore({ dataDir });
      return reader;
    },
    async waitTicketsDelivered(count, deadlineMs = 90_000) {
      const deadline = Date.now() + deadlineMs;
      for (;;) {
        const items = (await world.reader().outbox.list()).filter((i) => i.kind === 'helpdesk.ticket');
        const delivered = items.filter((i) => i.state === 'delivered').length;
        if (delivered >= count) return;
        if (Date.now() > deadline) {
          const open = items.filter((i) => i.state !== 'delivered').map((i) => `${i.id} ${i.state} attempts=${i.attempts} due=${i.dueAt - Date.now()}ms ${i.lastError ?? ''}`);
          throw new Error(`${delivered} of ${count} tickets delivered in the outbox after ${deadlineMs} ms:\n${open.join('\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250)); // polling a condition, bounded by the deadline
      }
    },
    logs: () => processes.map((p) => `--- ${p.name} (pid ${p.pid})\n${p.log()}`).join('\n'),
    async close() {
      await Promise.all(processes.map((p) => p.stop('SIGKILL')));
      await reader?.close();
      await Promise.all([sink.close(), desk.close()]);
      await removeDataDir(dataDir);
    },
  };
  return world;
}

/**
 * The end of a faulted load: waits for the fault script (unless the load failed: it may wait for progress that will
 * never come), throws with the counts and the bot's log when the load or the script broke, then waits for every
 * ticket to be created and delivered. A shortfall comes back as messages, reported with each conversation's problems.
 */
export async function settleLoad(
  world: FaultWorld,
  run: { readonly load: { readonly failures: readonly string[] }; readonly script: Promise<void>; readonly broken: () => readonly string[] },
  progress: Progress,
  tickets: number,
): Promise<string[]> {
  if (run.load.failures.length === 0) await run.script;
  const broken = run.broken();
  if (run.load.failures.length > 0 || broken.length > 0) {
    throw new Error(`${[...broken, ...run.load.failures].join('\n')}\ncounts ${JSON.stringify(progress.counts)}\n${world.logs().slice(-4000)}`);
  }
  const waits = await Promise.all([
    world.desk.waitForTickets(tickets, 90_000).then(() => '', (err: Error) => err.message),
    world.waitTicketsDelivered(tickets).then(() => '', (err: Error) => err.message),
  ]);
  return waits.filter(Boolean);
}
