// Runs tasks one at a time per key, in arrival order: two turns of one conversation never interleave in this process.
// (Across processes, the eTag retry in the ConversationService keeps them consistent.)

export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  size(): number;
  /** Resolves once no task is queued or running (for graceful shutdown). */
  idle(): Promise<void>;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  let pending = 0;
  let waiters: (() => void)[] = [];

  const settle = (): void => {
    pending -= 1;
    if (pending === 0) {
      const done = waiters;
      waiters = [];
      done.forEach((resolve) => resolve());
    }
  };

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      pending += 1;
      const previous = tails.get(key) ?? Promise.resolve();
      // A failed task must not block the next one of the same conversation.
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
        settle();
      });
      return result;
    },
    size: () => pending,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
