// Reply templates → replies: pick a variant deterministically, fill {placeholders}, attach choices and links.
import type { Choice, Knowledge, Link, Reply, ReplyKind } from './types';

export type Vars = Readonly<Record<string, string | number | undefined>>;

export interface ReplyOptions {
  readonly kind?: ReplyKind;
  readonly title?: string;
  readonly stepId?: string;
  readonly lines?: readonly string[];
  /** Choices shown before the template's own (e.g. the two intents of "Did you mean …?"). */
  readonly choicesFirst?: readonly Choice[];
  /** Drop the template's choices (when another question follows in the same turn). */
  readonly noChoices?: boolean;
  /** Links shown after the template's own (e.g. the support contact's). */
  readonly links?: readonly Link[];
}

/** Replies for one turn: `seed` (the session's turn count) picks among a template's variants, so output is reproducible. */
export interface Say {
  reply(id: string, vars?: Vars, options?: ReplyOptions): Reply;
  /** True when knowledge defines the template (for optional ids such as `summary_step_not_fixed`). */
  has(id: string): boolean;
  /** The template's text alone, filled (for lines inside another reply). */
  line(id: string, vars?: Vars): string;
  /** The template's choices, filled. */
  choices(id: string, vars?: Vars): readonly Choice[];
}

/**
 * Reply ids the engine uses when knowledge defines them, and does without otherwise:
 * summary lines per outcome ({step}), device facts in the summary ({value}), the hub's "accepted" notice, and the
 * languages' notices: a language asked for, and one the bot does not speak ({languages}, {call}).
 */
export const OPTIONAL_REPLY_IDS = [
  'summary_step_fixed', 'summary_step_not_fixed', 'summary_step_already_tried', 'summary_step_skipped',
  'fact_iphone_model', 'fact_ios_version', 'fact_backup_target', 'fact_error_text', 'fact_error_code', 'fact_region',
  'unsure', 'handoff_accepted', 'language_switched', 'language_unsupported',
] as const;

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Fills `{name}` from `vars`; an unknown or missing name becomes empty text, never an error. */
export function fill(text: string, vars: Vars = {}): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
    return v === undefined ? '' : String(v);
  });
}

function mergeLinks(a: readonly Link[], b: readonly Link[]): readonly Link[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((l) => (seen.has(l.url) ? false : (seen.add(l.url), true)));
}

export interface SayOptions {
  /** Choices a template may offer here (e.g. "Talk to a person" only where a person exists); all by default. */
  readonly offers?: (value: string) => boolean;
  /** Told each template id said (a reply or a line), so a turn can count the ones shown untranslated. */
  readonly onUse?: (id: string) => void;
}

export function createSay(knowledge: Knowledge, seed: number, sayOptions: SayOptions = {}): Say {
  const offers = sayOptions.offers ?? (() => true);
  const template = (id: string) => (Object.prototype.hasOwnProperty.call(knowledge.replies, id) ? knowledge.replies[id] : undefined);
  const text = (id: string, vars?: Vars) => {
    const variants = template(id)?.text ?? [];
    if (variants.length > 0) sayOptions.onUse?.(id);
    return variants.length === 0 ? '' : fill(variants[Math.abs(seed) % variants.length], vars).trim();
  };
  const choices = (id: string, vars?: Vars): readonly Choice[] =>
    (template(id)?.choices ?? []).filter((c) => offers(c.value)).map((c) => ({ label: fill(c.label, vars), value: c.value }));

  return {
    has: (id) => template(id) !== undefined,
    line: text,
    choices,
    reply(id, vars, options = {}) {
      const all = [...(options.choicesFirst ?? []), ...(options.noChoices ? [] : choices(id, vars))];
      const links = mergeLinks(template(id)?.links ?? [], options.links ?? []);
      return {
        kind: options.kind ?? (all.length > 0 ? 'question' : 'text'),
        text: text(id, vars),
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(all.length > 0 ? { choices: all } : {}),
        ...(links.length > 0 ? { links } : {}),
        ...(options.stepId !== undefined ? { stepId: options.stepId } : {}),
        ...(options.lines !== undefined ? { lines: options.lines } : {}),
      };
    },
  };
}
