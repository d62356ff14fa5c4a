// A simulated user for the fault suites: drives one conversation through POST /api/messages (replies read at the
// service URL sink) from "My backup failed" to escalation, pressing "No" at every step. A turn answered with the
// apology, with an error status or not at all is retried after `beforeRetry()` (storage back, bot restarted), as a
// user pressing the same button again; every attempt is labelled uniquely so the transcript shows which ones landed.
import type { Activity } from 'botbuilder';
import { createActivityBuilder } from '../../support/activity-builders';
import type { ServiceUrlSink } from '../../support/service-url-sink';
import { asksDiagnosis, NOT_SURE, NOT_SURE_LABEL } from '../../support/diagnosis';

export type AttemptOutcome = 'answered' | 'apology' | 'unanswered';

export interface Attempt {
  readonly label: string;
  /** The step the pressed button belongs to (undefined for the first message). */
  readonly stepId?: string;
  readonly outcome: AttemptOutcome;
  readonly status?: number;
  readonly replies: readonly Partial<Activity>[];
  /** Why it was unanswered (network error, HTTP status, no reply), for failure messages. */
  readonly detail?: string;
}

export interface FaultUserOptions {
  readonly sink: ServiceUrlSink;
  readonly conversationId: string;
  /** The bot to talk to now (it changes across restarts). */
  readonly botUrl: () => string;
  /** The knowledge's `error` reply text: an answer with it is the apology. */
  readonly apology: string;
  /** Awaited before each retry: resolves when the test says it is worth trying again. */
  readonly beforeRetry: () => Promise<void>;
  /** Called after every attempt (the load driver counts them to place its faults). */
  readonly onAttempt?: (attempt: Attempt) => void | Promise<void>;
  readonly maxAttemptsPerTurn?: number;
}

export interface FaultUser {
  readonly conversationId: string;
  readonly conversationKey: string;
  readonly attempts: Attempt[];
  /** Runs the journey (or the rest of it, after earlier turns); resolves with the steps asked about, in order. */
  journey(): Promise<string[]>;
  /** One logical turn (retried until answered), e.g. a first part of the journey. */
  turn(action: string, stepId: string | undefined, label: string): Promise<Attempt>;
  /** The step the last answer's "did that fix it?" buttons belong to. */
  askedStep(): string | undefined;
  describe(): string;
}

const FETCH_DEADLINE_MS = 60_000;

export function askedStepOf(replies: readonly Partial<Activity>[]): string | undefined {
  const buttons = replies.flatMap((r) => r.suggestedActions?.actions ?? []);
  return buttons.map((b) => (b.value as { stepId?: string } | undefined)?.stepId).find(Boolean);
}

export function createFaultUser(options: FaultUserOptions): FaultUser {
  const build = createActivityBuilder({ serviceUrl: options.sink.url, conversationId: options.conversationId, locale: 'en-US' });
  const attempts: Attempt[] = [];
  const maxAttempts = options.maxAttemptsPerTurn ?? 8;
  let last: Attempt | undefined;

  async function attempt(activity: Partial<Activity>, label: string, stepId: string | undefined): Promise<Attempt> {
    let status: number | undefined;
    let detail: string | undefined;
    try {
      const response = await fetch(`${options.botUrl()}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(FETCH_DEADLINE_MS),
      });
      status = response.status;
      const body = await response.text();
      if (status !== 200) detail = `HTTP ${status} ${body.slice(0, 300)}`;
    } catch (err) {
      detail = `no answer: ${err instanceof Error ? `${err.message} ${String((err.cause as Error | undefined)?.message ?? '')}` : String(err)}`;
    }
    const replies = options.sink.messages(build.conversationId, activity.id);
    const apology = replies.some((r) => r.text === options.apology);
    const outcome: AttemptOutcome = status === 200 && replies.length > 0 ? (apology ? 'apology' : 'answered') : 'unanswered';
    const result: Attempt = { label, ...(stepId ? { stepId } : {}), outcome, replies, ...(status === undefined ? {} : { status }), ...(detail ? { detail } : { detail: replies.length ? undefined : 'no reply' }) };
    attempts.push(result);
    await options.onAttempt?.(result);
    return result;
  }

  async function turn(action: string, stepId: string | undefined, label: string): Promise<Attempt> {
    for (let n = 1; ; n += 1) {
      // Unique words per attempt: the transcript then tells which attempts the bot recorded.
      const text = `${label} (${build.conversationId.slice(-6)} ${stepId ?? 'start'} try ${n})`;
      const result = await attempt(build.press(action, stepId, text), text, stepId);
      if (result.outcome === 'answered') return (last = result);
      if (n >= maxAttempts) throw new Error(`${build.conversationId}: "${label}" not answered after ${n} attempts\n${describe()}`);
      await options.beforeRetry();
    }
  }

  function describe(): string {
    return attempts.map((a) => `  ${a.label}: ${a.outcome}${a.detail ? ` (${a.detail})` : ''}${a.replies.length ? ` → ${a.replies.map((r) => (r.text ?? '').slice(0, 60)).join(' / ')}` : ''}`).join('\n');
  }

  return {
    conversationId: build.conversationId,
    conversationKey: `${build.channelId}:${build.conversationId}`,
    attempts,
    turn,
    askedStep: () => (last ? askedStepOf(last.replies) : undefined),
    describe,
    async journey() {
      const asked: string[] = [];
      if (!last) await turn('intent:backup_failed', undefined, 'My backup failed');
      if (last && asksDiagnosis(last.replies)) await turn(NOT_SURE, undefined, NOT_SURE_LABEL);
      for (let step = askedStepOf(last?.replies ?? []); step; step = askedStepOf(last?.replies ?? [])) {
        if (asked.length > 20) throw new Error(`${build.conversationId}: more than 20 steps\n${describe()}`);
        asked.push(step);
        await turn('no', step, 'No');
      }
      return asked;
    },
  };
}
