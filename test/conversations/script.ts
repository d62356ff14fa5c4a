// Conversation scripts as data (test/conversations/*.yaml): the format, its loader, and the checks on each turn.
// Runners (the engine one here, end-to-end ones per channel) turn a script's turns into inputs and call `check`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Effect, Reply, Session, TurnEvent, TurnInput, TurnTrace } from '../../dialogs';

/** What a turn must show. Text patterns are `/regex/flags` (or plain text, matched case-insensitively as a substring). */
export interface Expect {
  readonly intent?: string;
  readonly route?: string;
  readonly text?: string;
  readonly not_text?: string;
  /** Labels or values that must all be offered. */
  readonly choices?: readonly string[];
  /** Reply kinds that must all appear. */
  readonly kind?: string | readonly string[];
  readonly not_kind?: string | readonly string[];
  /** The current step after the turn (`null`: none). */
  readonly step?: string | null;
  /** A handoff effect with this reason, or `false` for none. */
  readonly handoff?: { readonly reason: string } | false;
  readonly status?: string;
  readonly facts?: Readonly<Record<string, string>>;
  /** Step outcomes recorded so far, e.g. `{ restart_iphone: already_tried }`. */
  readonly outcomes?: Readonly<Record<string, string>>;
  /** Labels or values that must not be offered. */
  readonly not_choices?: readonly string[];
  /** Events the turn must report (each a type, or `type:detail`: `escalated:asked_person`, `step_answered:passed`). */
  readonly events?: readonly string[];
  /** The language the turn was answered in (TurnTrace.language). */
  readonly language?: string;
}

export interface ScriptTurn {
  readonly user?: string;
  /** Sends `user` repeated this many times (a very long message). */
  readonly times?: number;
  readonly press?: string;
  /** For `press`: the values ticked on a checklist, sent with the button. */
  readonly picked?: readonly string[];
  /** For `press`: the step the button belongs to. Default: the step of the last question shown; `null`: unbound. */
  readonly step?: string | null;
  readonly start?: boolean;
  readonly pick_up?: string | boolean;
  readonly handoff_status?: NonNullable<TurnInput['handoffStatus']>;
  readonly position?: number;
  readonly agent?: string;
  readonly resume_at?: string;
  readonly locale?: string;
  /** Repeat the turn until this holds (at most `max` times, default 15); `expect` then applies to the last one. */
  readonly until?: Expect;
  readonly max?: number;
  readonly expect?: Expect;
}

/** The deployment a script runs in: nobody to hand to (the default), a help desk by ticket, an agent inbox. */
export type Setup = 'none' | 'helpdesk' | 'inbox';

export const SETUPS: Readonly<Record<Setup, NonNullable<TurnInput['handoff']>>> = {
  none: { tickets: false, live: false, hub: false },
  helpdesk: { tickets: true, live: false, hub: false },
  inbox: { tickets: false, live: true, hub: false },
};

export interface Script {
  readonly file: string;
  readonly name: string;
  readonly locale?: string;
  readonly setup?: Setup;
  /** Steps that must never be offered as the current step anywhere in the script. */
  readonly never_steps?: readonly string[];
  readonly turns: readonly ScriptTurn[];
}

/** The detail an `events` expectation names: the escalation's reason, the step answer, the way a conversation ended. */
function eventDetail(e: TurnEvent): string {
  switch (e.type) {
    case 'escalated': return e.reason;
    case 'step_answered': return e.answer;
    case 'ended': return e.how;
    case 'csat': return String(e.score);
    case 'flow_started': case 'resolved': return e.flow;
    case 'language_changed': case 'language_unsupported': return e.language;
    case 'step_shown': return e.step;
    default: return '';
  }
}

/** One turn as a runner saw it; fields a runner cannot observe are left out and their checks are skipped. */
export interface TurnView {
  readonly replies: readonly Reply[];
  readonly effects?: readonly Effect[];
  readonly events?: readonly TurnEvent[];
  readonly trace?: TurnTrace;
  readonly session?: Session;
}

const TURN_KEYS = ['user', 'times', 'press', 'picked', 'step', 'start', 'pick_up', 'handoff_status', 'position', 'agent', 'resume_at', 'locale', 'until', 'max', 'expect'];
const EXPECT_KEYS = ['intent', 'route', 'text', 'not_text', 'choices', 'not_choices', 'kind', 'not_kind', 'step', 'handoff', 'status', 'facts', 'outcomes', 'events', 'language'];
const SCRIPT_KEYS = ['name', 'locale', 'setup', 'never_steps', 'turns'];

function unknownKeys(where: string, value: unknown, allowed: readonly string[]): string[] {
  if (typeof value !== 'object' || value === null) return [`${where}: must be a mapping`];
  return Object.keys(value).filter((k) => !allowed.includes(k)).map((k) => `${where}: unknown key "${k}"`);
}

/** Loads every script in `dir`, failing loudly on a typo'd key (a check that silently does nothing is worse than none). */
export function loadScripts(dir: string): Script[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((file) => {
    const raw = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    const problems = unknownKeys(file, raw, SCRIPT_KEYS);
    const turns = Array.isArray(raw?.turns) ? (raw.turns as ScriptTurn[]) : [];
    if (turns.length === 0) problems.push(`${file}: needs a non-empty "turns" list`);
    turns.forEach((t, i) => {
      problems.push(...unknownKeys(`${file} turn ${i + 1}`, t, TURN_KEYS));
      if (t.expect) problems.push(...unknownKeys(`${file} turn ${i + 1} expect`, t.expect, EXPECT_KEYS));
      if (t.until) problems.push(...unknownKeys(`${file} turn ${i + 1} until`, t.until, EXPECT_KEYS));
    });
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return { file, name: typeof raw.name === 'string' ? raw.name : file, ...(raw as object), turns } as Script;
  });
}

function pattern(p: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(p);
  return m ? new RegExp(m[1], m[2]) : new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

const list = (x: string | readonly string[] | undefined): readonly string[] => (x === undefined ? [] : typeof x === 'string' ? [x] : x);

/** Everything a user could read in a turn: texts, titles, summary lines, choice labels, link titles and URLs. */
export function readable(view: TurnView): string {
  return view.replies.flatMap((r) => [r.title ?? '', r.text, ...(r.lines ?? []), ...(r.choices ?? []).map((c) => c.label), ...(r.links ?? []).flatMap((l) => [l.title, l.url])])
    .filter((s) => s !== '').join('\n');
}

/** The problems with a turn against its expectations (empty when it passes). */
export function check(e: Expect, view: TurnView): string[] {
  const out: string[] = [];
  const fail = (what: string, want: unknown, got: unknown) => out.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  const text = readable(view);
  if (e.text !== undefined && !pattern(e.text).test(text)) fail('text', e.text, text);
  if (e.not_text !== undefined && pattern(e.not_text).test(text)) fail('not_text', e.not_text, text);
  const offered = view.replies.flatMap((r) => r.choices ?? []).flatMap((c) => [c.label, c.value]);
  for (const c of e.choices ?? []) if (!offered.includes(c)) fail('choice', c, offered);
  for (const c of e.not_choices ?? []) if (offered.includes(c)) fail('not_choice', c, offered);
  if (view.events && e.events) {
    const said = view.events.flatMap((x) => [x.type, `${x.type}:${eventDetail(x)}`]);
    for (const want of e.events) if (!said.includes(want)) fail('event', want, said.filter((s) => s.includes(':')));
  }
  const kinds = view.replies.map((r) => r.kind);
  for (const k of list(e.kind)) if (!kinds.includes(k as Reply['kind'])) fail('kind', k, kinds);
  for (const k of list(e.not_kind)) if (kinds.includes(k as Reply['kind'])) fail('not_kind', k, kinds);
  if (view.trace) {
    if (e.language !== undefined && view.trace.language !== e.language) fail('language', e.language, view.trace.language);
    if (e.intent !== undefined && view.trace.intent !== e.intent) fail('intent', e.intent, view.trace.intent);
    if (e.route !== undefined && !(e.route.startsWith('/') ? pattern(e.route).test(view.trace.route) : view.trace.route === e.route)) fail('route', e.route, view.trace.route);
  }
  if (view.effects && e.handoff !== undefined) {
    const reasons = view.effects.flatMap((x) => (x.type === 'handoff' ? [x.story.reason] : []));
    if (e.handoff === false ? reasons.length > 0 : !reasons.includes(e.handoff.reason as never)) fail('handoff', e.handoff, reasons);
  }
  const s = view.session;
  if (s) {
    if (e.status !== undefined && s.status !== e.status) fail('status', e.status, s.status);
    if (e.step !== undefined && (s.status === 'in_flow' ? s.stepId : null) !== e.step) fail('step', e.step, s.status === 'in_flow' ? s.stepId : null);
    for (const [k, v] of Object.entries(e.facts ?? {})) if (s.facts[k] !== v) fail(`facts.${k}`, v, s.facts[k]);
    for (const [k, v] of Object.entries(e.outcomes ?? {})) {
      const got = s.steps.find((r) => r.stepId === k)?.outcome;
      if (got !== v) fail(`outcome of ${k}`, v, got);
    }
  }
  return out;
}

/** A turn of the transcript, as printed on failure. */
export function transcriptLines(said: string, view: TurnView): string[] {
  const lines = [`> ${said}`];
  for (const r of view.replies) {
    const head = r.title ? `${r.title}: ` : '';
    lines.push(`  [${r.kind}${r.stepId ? ` ${r.stepId}` : ''}] ${head}${r.text.replace(/\n/g, ' ⏎ ').slice(0, 220)}`);
    for (const l of r.lines ?? []) lines.push(`      · ${l}`);
    if (r.choices?.length) lines.push(`      (${r.choices.map((c) => `${c.label}=${c.value}`).join(' | ')})`);
  }
  if (view.trace) lines.push(`  ~ route=${view.trace.route} intent=${view.trace.intent ?? '-'} confidence=${view.trace.confidence?.toFixed(2) ?? '-'}`);
  if (view.session) lines.push(`  ~ status=${view.session.status} step=${view.session.stepId ?? '-'} pending=${view.session.pending?.kind ?? '-'}`);
  for (const x of view.effects ?? []) lines.push(`  ~ effect ${x.type}${x.type === 'handoff' ? ` (${x.story.reason})` : ''}`);
  return lines;
}
