// The load generator: N conversations at a time in a closed loop (each sends its next message once the previous turn
// is done) through `POST /api/messages`. A turn's latency is from the POST to its response, which CloudAdapter sends only after
// the bot's replies were delivered to the serviceUrl; a turn counts only if the sink received at least one reply to it.
import http from 'node:http';
import type { GcSample } from './child';
import type { BenchSink } from './sink';
import { summarize, round, type LatencySummary } from './stats';

export interface TurnOutcome {
  readonly ms: number;
  /** Undefined when the turn went well: status 2xx and at least one reply at the sink. */
  readonly error?: string;
}

export interface Poster {
  turn(conversationId: string, turnId: string, text: string, userId: string): Promise<TurnOutcome>;
  close(): void;
}

const TURN_TIMEOUT_MS = 30_000;

function post(agent: http.Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    // Bounded: a server that stops answering fails the turn (counted as an error) instead of hanging the run.
    req.setTimeout(TURN_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TURN_TIMEOUT_MS} ms`)));
    req.end(body);
  });
}

/** Posts message activities (as a Bot Framework channel would: Emulator, en-US) over keep-alive connections. */
export function createPoster(target: string, sink: BenchSink, connections: number): Poster {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL('/api/messages', target);
  return {
    async turn(conversationId, id, text, userId) {
      const body = JSON.stringify({
        type: 'message', id, timestamp: new Date().toISOString(), channelId: 'emulator', serviceUrl: sink.url, locale: 'en-US',
        conversation: { id: conversationId }, from: { id: userId, name: 'Bench User' }, recipient: { id: 'bot', name: 'Bot' }, text,
      });
      const sent = performance.now();
      try {
        const status = await post(agent, url, body);
        const ms = performance.now() - sent;
        if (status >= 300) return { ms, error: `HTTP ${status}` };
        if (sink.replies(id) === 0) return { ms, error: `no reply at the sink to "${text}"` };
        return { ms };
      } catch (err) {
        return { ms: performance.now() - sent, error: err instanceof Error ? err.message : String(err) };
      } finally {
        sink.forget(id);
      }
    },
    close: () => agent.destroy(),
  };
}

export interface LoadOptions {
  readonly target: string;
  readonly sink: BenchSink;
  readonly concurrency: number;
  /** What each conversation says, in a loop (the bot's journey, or anything for the echo bot). */
  readonly script: readonly string[];
  /** Unique per measurement, so every cell starts new conversations. */
  readonly conversationPrefix: string;
  /**
   * Turns before a worker moves on to a new conversation. The bot answers a conversation sending more than
   * CONVERSATION_RATE_LIMIT_PER_MINUTE (60) messages a minute with a canned reply, without running the engine:
   * a benchmark conversation must stay under it, or it measures the limiter. Default 48: four journeys of twelve turns.
   */
  readonly turnsPerConversation?: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** The server's CPU time so far (ms), to report its CPU cost per turn: steadier than turns/s on a busy machine. */
  readonly serverCpuMs?: () => number | undefined;
  /** The server's GC profiler (bench/child.ts), for its GC time share and bytes allocated per turn. */
  readonly serverGc?: { start(): Promise<void>; stop(): Promise<GcSample | undefined> };
}

export interface LoadResult extends LatencySummary {
  readonly concurrency: number;
  readonly turnsPerSecond: number;
  /** Non-2xx answers, transport errors and turns without a reply at the sink (warm-up included). */
  readonly errors: number;
  readonly firstError?: string;
  /** Server CPU ms per turn over the whole cell (warm-up included); undefined without /proc. */
  readonly serverCpuMsPerTurn?: number;
  /** Main-thread GC time as a share of the server's CPU time over the cell (warm-up included), 0..1. */
  readonly gcShare?: number;
  /** KB the server's heap allocated per turn over the cell (warm-up included). */
  readonly allocKbPerTurn?: number;
}

/** One cell: warm up, then count the turns completed within `durationMs`; waits for turns in flight before returning. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const poster = createPoster(options.target, options.sink, options.concurrency);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let completed = 0;
  let inWindow = 0;
  await options.serverGc?.start();
  const cpuBefore = options.serverCpuMs?.();
  const measureFrom = performance.now() + options.warmupMs;
  const measureUntil = measureFrom + options.durationMs;

  const perConversation = options.turnsPerConversation ?? 48;
  async function worker(index: number): Promise<void> {
    for (let turn = 0; performance.now() < measureUntil; turn += 1) {
      const conversationId = `${options.conversationPrefix}-c${index}-${Math.floor(turn / perConversation)}`;
      const text = options.script[(turn % perConversation) % options.script.length];
      const sent = performance.now();
      const outcome = await poster.turn(conversationId, `${conversationId}-t${turn}`, text, `user-${index}`);
      const done = performance.now();
      completed += 1;
      if (outcome.error) {
        errors += 1;
        firstError ??= outcome.error;
        continue;
      }
      if (done >= measureFrom && done <= measureUntil) inWindow += 1;
      // Latency of the turns sent in the window (all are awaited): not of those sent during the warm-up, whose first
      // wave opens `concurrency` connections at once; its stragglers (seconds at 128 on this machine, for echo too)
      // measure the harness's connection burst, not a turn.
      if (sent >= measureFrom) latencies.push(outcome.ms);
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  poster.close();
  const cpuAfter = options.serverCpuMs?.();
  const gc = await options.serverGc?.stop();
  const cpuMs = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  const cpu = cpuMs !== undefined ? { serverCpuMsPerTurn: round(cpuMs / Math.max(1, completed), 3) } : {};
  const gcStats = gc ? {
    ...(cpuMs ? { gcShare: round(gc.ms / cpuMs, 3) } : {}),
    allocKbPerTurn: round(gc.allocatedBytes / 1024 / Math.max(1, completed), 1),
  } : {};
  const summary = summarize(latencies);
  const turnsPerSecond = round(inWindow / (options.durationMs / 1000), 0);
  return { concurrency: options.concurrency, turnsPerSecond, ...summary, errors, ...(firstError ? { firstError } : {}), ...cpu, ...gcStats };
}
