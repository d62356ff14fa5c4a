// Turn throughput and latency, the servers measured alternately: every round runs each concurrency on every server,
// in an order that flips each round, so a busy moment on this shared machine hits them alike. Medians over rounds;
// the ratio to echo is the median of the per-round ratios (paired, so slow drifts cancel out).
import { runLoad, type LoadResult } from './load';
import type { BenchSink } from './sink';
import { median, round } from './stats';

export interface SystemUnderTest {
  readonly name: string;
  readonly url: string;
  readonly script: readonly string[];
  readonly cpuMs?: () => number | undefined;
}

export interface TurnsOptions {
  readonly concurrencies: readonly number[];
  readonly rounds: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Called after each cell, for progress on stderr. */
  readonly onCell?: (system: string, round: number, result: LoadResult) => void;
}

export interface TurnsRow {
  readonly system: string;
  readonly concurrency: number;
  readonly turnsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Against the first system (the echo baseline); 1 for the baseline itself. */
  readonly ratio: number;
  /** Server CPU ms per turn (median over rounds): what a turn costs, whatever else the machine is doing. */
  readonly cpuMsPerTurn?: number;
  readonly errors: number;
  readonly firstError?: string;
  readonly perRound: readonly number[];
}

export async function measureTurns(systems: readonly SystemUnderTest[], sink: BenchSink, options: TurnsOptions): Promise<TurnsRow[]> {
  const cells = new Map<string, LoadResult[]>();
  const key = (system: string, concurrency: number): string => `${system}@${concurrency}`;
  for (let r = 0; r < options.rounds; r += 1) {
    for (const concurrency of options.concurrencies) {
      const order = r % 2 === 0 ? systems : [...systems].reverse();
      for (const system of order) {
        const result = await runLoad({
          target: system.url, sink, concurrency, script: system.script,
          conversationPrefix: `${system.name}-r${r}-c${concurrency}`, warmupMs: options.warmupMs, durationMs: options.durationMs,
          serverCpuMs: system.cpuMs,
        });
        options.onCell?.(system.name, r, result);
        cells.set(key(system.name, concurrency), [...(cells.get(key(system.name, concurrency)) ?? []), result]);
      }
    }
  }
  const baseline = systems[0].name;
  return systems.flatMap((system) =>
    options.concurrencies.map((concurrency): TurnsRow => {
      const runs = cells.get(key(system.name, concurrency)) ?? [];
      const base = cells.get(key(baseline, concurrency)) ?? [];
      const firstError = runs.find((run) => run.firstError)?.firstError;
      return {
        system: system.name, concurrency,
        turnsPerSecond: median(runs.map((run) => run.turnsPerSecond)),
        p50: median(runs.map((run) => run.p50)),
        p99: median(runs.map((run) => run.p99)),
        ratio: round(median(runs.map((run, i) => run.turnsPerSecond / Math.max(1, base[i]?.turnsPerSecond ?? 0))), 2),
        ...(runs.every((run) => run.serverCpuMsPerTurn !== undefined) ? { cpuMsPerTurn: median(runs.map((run) => run.serverCpuMsPerTurn ?? 0)) } : {}),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        ...(firstError ? { firstError } : {}),
        perRound: runs.map((run) => run.turnsPerSecond),
      };
    }),
  );
}
