// Group commit: the writes asked for during one pass of the event loop (32 conversations' turns arrive together
// under load) go into one immediate transaction, committed at setImmediate. Each caller's promise settles only when
// its own write has committed, so a reply still waits for its write: the durability of a single commit, for fewer
// BEGIN/COMMITs, WAL frames of shared b-tree pages and wal-index updates.
import { setImmediate } from 'node:timers';
import { isETagConflict, StorageUnavailableError } from './errors';
import { sqliteCall, type SqliteDb } from './sqlite-db';

interface Job {
  readonly operation: string;
  readonly write: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

export interface GroupCommit {
  /** Runs `write` (synchronous SQLite statements) in the next batch; resolves with its result once committed. */
  run<T>(operation: string, write: () => T): Promise<T>;
  /** Commits the waiting batch now (before the connection closes). */
  flush(): void;
  /** Holds writes back (they wait; the event loop does not) until `task` settles, then commits them. */
  pauseWhile(task: () => Promise<void>): void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

export function createGroupCommit(db: SqliteDb): GroupCommit {
  let batch: Job[] = [];
  let paused = false;
  // A write that fails on its own eTag has written nothing (the checks come first): the batch goes on without it.
  const runAll = db.transaction((jobs: readonly Job[]): Outcome[] =>
    jobs.map((job) => {
      try {
        return { ok: true, value: job.write() };
      } catch (error) {
        if (!isETagConflict(error)) throw error;
        return { ok: false, error };
      }
    }),
  );
  const runOne = db.transaction((job: Job) => job.write());

  const settleAlone = (job: Job): void => {
    try {
      job.resolve(sqliteCall(job.operation, () => runOne.immediate(job)));
    } catch (err) {
      job.reject(err);
    }
  };

  const flush = (): void => {
    const jobs = batch;
    batch = [];
    if (jobs.length === 0) return;
    if (jobs.length === 1) return settleAlone(jobs[0]);
    let outcomes: Outcome[];
    try {
      outcomes = runAll.immediate(jobs);
    } catch (raw) {
      // The store itself failed (busy, I/O, closed): every write of the batch fails, as each alone would have.
      // Anything else was one write's own fault: each runs alone, so it fails only its own caller.
      for (const job of jobs) {
        const err = asStoreError(job.operation, raw);
        if (err instanceof StorageUnavailableError && err.reason !== 'unknown') job.reject(err);
        else settleAlone(job);
      }
      return;
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? jobs[i].resolve(outcome.value) : jobs[i].reject(outcome.error)));
  };

  return {
    run<T>(operation: string, write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (batch.length === 0 && !paused) setImmediate(flush);
        batch.push({ operation, write, resolve: resolve as (value: unknown) => void, reject });
      });
    },
    flush,
    pauseWhile(task) {
      if (paused) return;
      paused = true;
      const resume = (): void => {
        paused = false;
        if (batch.length > 0) setImmediate(flush);
      };
      task().then(resume, resume);
    },
  };
}

/** The error a caller of `operation` gets for `raw`: SQLite's own failures as StorageUnavailableError. */
function asStoreError(operation: string, raw: unknown): unknown {
  try {
    return sqliteCall(operation, () => {
      throw raw;
    });
  } catch (err) {
    return err;
  }
}
