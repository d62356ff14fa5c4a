// WAL checkpoints on a worker thread with its own connection, so the event loop never copies pages or waits for
// fsync. With SQLite's automatic checkpoint the committing turn did both every 1,000 WAL pages (a few times a second
// under load). Measured in process (the conversation service on SQLite, 32 conversations, auto vs none): CPU per turn
// 0.96/0.81 → 0.84/0.75 ms, wall per turn 2.0/1.5 → 1.1/1.0 ms: the stalls were mostly waiting, not CPU.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';
import type { SqliteDb } from './sqlite-db';

/** How often the worker checkpoints: at 500 turns/s this keeps the WAL to a few hundred pages. */
const DEFAULT_EVERY_MS = 100;
/** SQLite's own default, restored on the main connection if the worker cannot run. */
const AUTOCHECKPOINT_PAGES = 1000;
/** WAL pages past which a pass asks for a fence (writes held back while it runs): SQLite's own checkpoint size. */
const FENCE_PAGES = 1000;

// Plain CommonJS run with eval, so the same code works from dist/, tsx and Jest without a separate build step.
// PASSIVE never waits for the writer or readers: it copies what it can, the next pass the rest. SQLite starts the WAL
// afresh only at a write that finds it all copied, which writes arriving every few ms never let a pass achieve (the
// WAL grew without end under load): a WAL past FENCE_PAGES asks the main thread to hold writes (not the event loop)
// for one pass, so the next write starts it afresh.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const pass = () => {
  try { return db.pragma('wal_checkpoint(PASSIVE)')[0]; } catch (err) { return { error: String(err && err.message) }; }
};
const timer = setInterval(() => {
  const r = pass();
  if (r.error || r.log > workerData.fencePages) parentPort.postMessage(r);
}, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m === 'fenced') return parentPort.postMessage({ fenced: pass() });
  clearInterval(timer); db.close(); parentPort.close();
});
`;

/** Holds the store's writes back while `checkpoint` runs (the group commit's pause), then lets them go. */
export type Fence = (checkpoint: () => Promise<void>) => void;

export interface Checkpointer {
  /** Stops the worker and closes its connection (the main connection's close then checkpoints what is left). */
  stop(): Promise<void>;
}

export function startCheckpointer(db: SqliteDb, options: { logger?: Logger; everyMs?: number; fence?: Fence } = {}): Checkpointer {
  db.pragma('wal_autocheckpoint = 0');
  const fallBack = (): void => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  const worker = spawn(db.name, options.everyMs ?? DEFAULT_EVERY_MS, options.logger);
  if (!worker) {
    fallBack();
    return { stop: async () => undefined };
  }
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.unref();
  let fenced: (() => void) | undefined;
  worker.on('message', (message: { error?: string; fenced?: unknown }) => {
    if (message.fenced) return fenced?.();
    if (message.error) return options.logger?.debug({ message }, 'sqlite: a checkpoint pass failed; the next one retries');
    if (fenced || !options.fence) return;
    options.fence(() => new Promise<void>((resolve) => {
      fenced = () => {
        fenced = undefined;
        resolve();
      };
      worker.postMessage('fenced');
    }));
  });
  // A worker gone while writes wait on its pass must not hold them forever: the fence is lifted.
  worker.on('error', (err) => {
    options.logger?.warn({ err }, 'sqlite: the checkpoint thread stopped; checkpoints run on the event loop');
    fenced?.();
    fallBack();
  });
  void exited.then(() => {
    fenced?.();
    if (!stopping) fallBack();
  });
  return {
    async stop() {
      stopping = true;
      // Referenced while stopping: an unreferenced worker and timer would let the process end before close() returns.
      worker.ref();
      fenced?.();
      worker.postMessage('stop');
      // A worker stuck in a long checkpoint is not waited for beyond a second.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)));
      await Promise.race([exited, timeout]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}

function spawn(file: string, everyMs: number, logger: Logger | undefined): Worker | undefined {
  try {
    return new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: require.resolve('better-sqlite3'), file, everyMs, fencePages: FENCE_PAGES } });
  } catch (err) {
    logger?.warn({ err }, 'sqlite: no checkpoint thread; checkpoints run on the event loop');
    return undefined;
  }
}
