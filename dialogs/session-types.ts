// A conversation's state between turns: the flow and step, the question pending, what was tried.
// Plain, serialisable data (part of the engine's vocabulary, re-exported by types.ts).
import type { LanguageBy } from './nlu-types';

/** `skipped`: a known fact rules the step out; `passed`: the user chose to skip it ("next", "skip this one"). */
export type StepOutcome = 'fixed' | 'not_fixed' | 'already_tried' | 'skipped' | 'passed';

export interface StepRecord {
  readonly stepId: string;
  readonly outcome: StepOutcome;
  /** ISO time. */
  readonly at: string;
}

/** What the bot last asked, so the next answer is read against it. */
export type Pending =
  | { readonly kind: 'did_it_fix'; readonly flowId: string; readonly stepId: string }
  | { readonly kind: 'resume'; readonly flowId: string; readonly stepId: string }
  | { readonly kind: 'disambiguate'; readonly options: readonly string[] }
  | { readonly kind: 'confirm_start_over' }
  | { readonly kind: 'offer_human' }
  | { readonly kind: 'ask_region' }
  | { readonly kind: 'pick_up' ; readonly flowId: string; readonly stepId: string }
  /** The diagnostic question before the first fix (Flow.diagnose); `last`: asked again before escalating. */
  | { readonly kind: 'diagnose'; readonly flowId: string; readonly last?: boolean }
  /** "Go ahead?" before a step that warns first (FlowStep.confirm). */
  | { readonly kind: 'confirm_step'; readonly flowId: string; readonly stepId: string }
  /** "How did I do?" (1–5) after a fix or an escalation. */
  | { readonly kind: 'csat' }
  /** Before a help-desk ticket: the email address the help desk should answer. */
  | { readonly kind: 'ask_email'; readonly reason: HandoffReason }
  /** "Which of these have you tried?": the steps offered, in order (a checklist or typed numbers). */
  | { readonly kind: 'tried_which'; readonly flowId: string; readonly options: readonly string[] };

export type SessionStatus = 'idle' | 'in_flow' | 'resolved' | 'escalated' | 'handoff';

export type HandoffReason = 'all_fixes_failed' | 'user_asked' | 'repeated_misunderstanding';

export interface Session {
  readonly version: 1;
  readonly status: SessionStatus;
  readonly flowId?: string;
  readonly stepId?: string;
  readonly pending?: Pending;
  readonly steps: readonly StepRecord[];
  /** Entities the user gave: backup_target, iphone_model, ios_version, error_text, region. */
  readonly facts: Readonly<Record<string, string>>;
  /** Misunderstandings in a row. */
  readonly misses: number;
  readonly turns: number;
  readonly lastUserText?: string;
  /** ISO time of the last turn, for idle expiry. */
  readonly updatedAt?: string;
  /** A handoff was opened in this run (no second ticket or queue place for the same story). */
  readonly handoffOpened?: boolean;
  /** A fix was confirmed or the conversation escalated: the satisfaction question comes once nothing else is asked. */
  readonly csatDue?: boolean;
  /** Steps to try first, in order, from the answer to a flow's diagnostic question. */
  readonly plan?: readonly string[];
  /** The diagnostic question was answered in this run (any option, "not sure" too): not asked again before escalating. */
  readonly diagnosed?: boolean;
  /** The last turn's replies as a short key, and how many turns in a row said exactly that (repetition.ts). */
  readonly echo?: { readonly key: string; readonly count: number };
  /** The language the conversation is held in (a code knowledge speaks: `en`, `es`, `de`), and how it was chosen. */
  readonly language?: string;
  readonly languageBy?: LanguageBy;
}
