// A bounded load: `concurrency` simulated users at a time, each running whole journeys until every conversation is
// done. Failures are collected (with the user's attempts), not thrown mid-load, so the faults' clean-up still runs.
import type { FaultUser } from './fault-user';

export interface LoadResult {
  readonly failures: readonly string[];
  readonly ms: number;
}

/**
 * Runs every user's journey, `concurrency` at a time. Past `deadlineMs` it gives up waiting (a hung fault would
 * otherwise end in Jest's timeout, with nothing to read): the users still running are reported with their attempts.
 */
export async function runLoad(users: readonly FaultUser[], concurrency: number, deadlineMs = 150_000): Promise<LoadResult> {
  const started = Date.now();
  const failures: string[] = [];
  const running = new Set<FaultUser>();
  let next = 0;
  let stopped = false;
  const worker = async (): Promise<void> => {
    while (next < users.length && !stopped) {
      const user = users[next];
      next += 1;
      running.add(user);
      await user.journey().catch((err: unknown) => failures.push(`${user.conversationKey}: ${err instanceof Error ? err.message : String(err)}`));
      running.delete(user);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      stopped = true;
      failures.push(`load not finished after ${deadlineMs} ms: ${next - running.size} of ${users.length} journeys done; still running:\n${[...running].map((u) => `${u.conversationKey}\n${u.describe()}`).join('\n')}`);
      resolve();
    }, deadlineMs);
  });
  await Promise.race([Promise.all(Array.from({ length: Math.min(concurrency, users.length) }, worker)), deadline]);
  clearTimeout(timer);
  return { failures, ms: Date.now() - started };
}
