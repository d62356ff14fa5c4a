// Turn throughput and latency, the servers measured alternately: every round runs each concurrency on every server,
// in an order that flips each round, so a busy moment on this shared machine hits them alike. Medians over rounds;
// the ratio to echo is the median of the per-round ratios (paired, so slow drifts cancel out).
import type { GcSample } from './child';
import { runLoad, type LoadResult } from './load';
import type { BenchSink } from './sink';
import { median, quantile, round } from './stats';

export interface SystemUnderTest {
  readonly name: string;
  readonly url: string;
  readonly script: readonly string[];
  readonly cpuMs?: () => number | undefined;
  readonly gc?: { start(): Promise<void>; stop(): Promise<GcSample | undefined> };
  /** Ratios are taken against this system (an A/A twin's original); by default the first system, echo. */
  readonly against?: string;
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
  /** Against the first system (the echo baseline; an A/A twin against its original); 1 for the baseline itself. */
  readonly ratio: number;
  /** Interquartile range of the per-round throughput ratios: how far apart the rounds were. */
  readonly ratioIqr: readonly [number, number];
  /** p99 ÷ the baseline's p99 in the same round, median over rounds. */
  readonly p99Ratio: number;
  /** Main-thread GC time ÷ server CPU time (median over rounds), 0..1. */
  readonly gcShare?: number;
  /** KB allocated on the server's heap per turn (median over rounds). */
  readonly allocKbPerTurn?: number;
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
          serverCpuMs: system.cpuMs, serverGc: system.gc,
        });
        options.onCell?.(system.name, r, result);
        cells.set(key(system.name, concurrency), [...(cells.get(key(system.name, concurrency)) ?? []), result]);
      }
    }
  }
  return systems.flatMap((system) =>
    options.concurrencies.map((concurrency): TurnsRow => {
      const runs = cells.get(key(system.name, concurrency)) ?? [];
      const base = cells.get(key(system.against ?? systems[0].name, concurrency)) ?? [];
      const firstError = runs.find((run) => run.firstError)?.firstError;
      const ratios = runs.map((run, i) => run.turnsPerSecond / Math.max(1, base[i]?.turnsPerSecond ?? 0)).sort((a, b) => a - b);
      const optional = (pick: (run: LoadResult) => number | undefined): number | undefined =>
        runs.length > 0 && runs.every((run) => pick(run) !== undefined) ? median(runs.map((run) => pick(run) ?? 0)) : undefined;
      const gcShare = optional((run) => run.gcShare);
      const allocKbPerTurn = optional((run) => run.allocKbPerTurn);
      return {
        system: system.name, concurrency,
        turnsPerSecond: median(runs.map((run) => run.turnsPerSecond)),
        p50: median(runs.map((run) => run.p50)),
        p99: median(runs.map((run) => run.p99)),
        ratio: round(median(ratios), 2),
        ratioIqr: [round(quantile(ratios, 0.25), 2), round(quantile(ratios, 0.75), 2)],
        p99Ratio: round(median(runs.map((run, i) => run.p99 / Math.max(0.01, base[i]?.p99 ?? 0))), 2),
        ...(gcShare !== undefined ? { gcShare } : {}),
        ...(allocKbPerTurn !== undefined ? { allocKbPerTurn } : {}),
        ...(runs.every((run) => run.serverCpuMsPerTurn !== undefined) ? { cpuMsPerTurn: median(runs.map((run) => run.serverCpuMsPerTurn ?? 0)) } : {}),
        errors: runs.reduce((sum, run) => sum + run.errors, 0),
        ...(firstError ? { firstError } : {}),
        perRound: runs.map((run) => run.turnsPerSecond),
      };
    }),
  );
}
