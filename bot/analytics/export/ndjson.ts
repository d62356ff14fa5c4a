// The export format (version 1): newline-delimited JSON, one object per line. Each bot turn gives a `turn` line, then
// one line per event in it. No user words, no names, no conversation key: a session id joins the lines of a session.
import type { TurnRecord } from '../types';

export const EXPORT_VERSION = 1;

export interface ExportLine {
  readonly v: 1;
  /** `<cursor>:<n>`: unique and increasing within one store; a warehouse can load idempotently on it. */
  readonly id: string;
  /** `turn`, or an event type (flow_started, step_shown, step_answered, resolved, escalated, not_understood, …). */
  readonly type: string;
  readonly at: string;
  readonly session: string;
  readonly channel: string;
  readonly locale: string | null;
  readonly language: string | null;
  readonly knowledge: string;
  readonly test: boolean;
  readonly [field: string]: unknown;
}

export function exportLines(cursor: string, turn: TurnRecord): ExportLine[] {
  const base = {
    v: EXPORT_VERSION, at: new Date(turn.at).toISOString(), session: turn.session, channel: turn.channel,
    locale: turn.locale ?? null, language: turn.language ?? null, knowledge: turn.knowledge, test: turn.test,
  } as const;
  const user = turn.kind === 'message' || turn.kind === 'pick_up';
  return [
    { ...base, id: `${cursor}:0`, type: 'turn', kind: turn.kind, user_message: user },
    ...turn.events.map((e, i) => ({ ...e, ...base, id: `${cursor}:${i + 1}`, type: e.type })),
  ];
}

export const toNdjson = (lines: readonly ExportLine[]): string => lines.map((l) => `${JSON.stringify(l)}\n`).join('');
