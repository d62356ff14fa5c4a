// The report's shape: one JSON object, the same from `npm run report -- --json` and GET /analytics/api/summary.
// The first fields are a published contract (issue 15); fields may be added, none renamed or removed.

export interface StepRow {
  readonly flow: string;
  readonly step: string;
  /** Sessions that showed the step. */
  readonly shown: number;
  readonly fixed: number;
  readonly not_fixed: number;
  readonly already_tried: number;
  /** No answer, and the session is over. */
  readonly dropped: number;
  /** Escalations at this step (after its "no" when every fix failed, or a person asked for while it was shown). */
  readonly escalated: number;
  /** Skipped by the user ("pass"). */
  readonly skipped: number;
  /** No answer yet, the session still open. */
  readonly waiting: number;
  /** Escalated while shown, before any answer (part of `escalated`). */
  readonly escalated_unanswered: number;
  /** Sessions that went on from this step to another one, by the step they went to. */
  readonly moved_on: Readonly<Record<string, number>>;
}

export interface FlowRow {
  readonly flow: string;
  readonly sessions: number;
  readonly resolved_confirmed: number;
  readonly resolved_assumed: number;
  readonly escalated: number;
  readonly abandoned: number;
  readonly awaiting_return: number;
  readonly in_progress: number;
}

/** The outcome counts a summary gives in total and per day (the JSON contract's field names). */
export interface OutcomeCounts {
  readonly sessions: number;
  readonly engaged: number;
  readonly resolved_confirmed: number;
  readonly resolved_assumed: number;
  readonly escalated: number;
  readonly abandoned: number;
  readonly user_messages: number;
  readonly unrecognized_messages: number;
}

export interface DayRow extends OutcomeCounts {
  /** UTC date, YYYY-MM-DD: the day the sessions started. */
  readonly date: string;
}

export interface Summary extends OutcomeCounts {
  readonly csat: { readonly responses: number; readonly mean: number | null; readonly asked: number; readonly response_rate: number | null; readonly scores: Readonly<Record<'1' | '2' | '3' | '4' | '5', number>> };
  readonly steps: readonly StepRow[];
  // ---- more than the contract
  readonly unengaged: number;
  /** Engaged and not ended yet (no outcome yet). */
  readonly in_progress: number;
  /** A fix was shown and the user left less than 72 h ago: resolved (assumed) if they do not come back about it. */
  readonly awaiting_return: number;
  readonly out_of_scope_messages: number;
  readonly rates: {
    readonly engagement: number | null;
    readonly resolved_confirmed: number | null;
    readonly resolved_assumed: number | null;
    readonly escalated: number | null;
    readonly abandoned: number | null;
    readonly unrecognized: number | null;
  };
  /** Confirmed resolutions the user came back about (same flow) within 72 h. */
  readonly recontacts: number;
  readonly escalations: { readonly reasons: Readonly<Record<string, number>>; readonly routes: Readonly<Record<string, number>> };
  /** Where abandoned sessions stopped: the last thing the bot said, most frequent first. */
  readonly abandoned_after: readonly { readonly said: string; readonly sessions: number }[];
  readonly flows: readonly FlowRow[];
  readonly days: readonly DayRow[];
  readonly period: { readonly from: string | null; readonly to: string | null; readonly generated_at: string; readonly time_zone: 'UTC' };
  readonly filters: { readonly include_test: boolean; readonly channel?: string; readonly locale?: string; readonly knowledge?: string };
  readonly settings: { readonly session_minutes: number; readonly return_hours: number };
}
