// Strict zod schemas, one per file kind: unknown keys (a typo such as `chek:`) are errors, never ignored.
// They describe the YAML as written; defaults and conversions happen in build.ts, so the JSON Schemas match the files.
import { z } from 'zod';
import { STEMMER_NAMES } from '../nlu/stemmers';
import type { FileKind } from './kinds';

export const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOURS_RANGE = /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

const snake = z.string().regex(SNAKE_CASE, 'must be snake_case (a-z, 0-9, _)');
const text = z.string().regex(/\S/, 'must not be empty');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must not be empty');

const link = z.strictObject({
  title: text,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
});

const choice = z.strictObject({
  label: text,
  value: z.string().regex(/^\S+$/, 'must be an action token').meta({
    description: 'yes, no, tried, unsure, human, restart, help, resume, goodbye, intent:<name>, step:<id>, region:<CC>',
  }),
});

const reply = z.strictObject({
  text: z.union([text, list(text)]).meta({ description: 'The message, or a list of variants to pick from.' }),
  choices: z.array(choice).optional(),
  links: z.array(link).optional(),
});

export const repliesFile = z.strictObject({ replies: z.record(snake, reply) }).meta({ title: 'bot.yaml: shared replies' });

const intent = z.strictObject({
  label: text.meta({ description: 'Short label, shown in "Did you mean …?" choices.' }),
  answer: snake.optional().meta({ description: 'A reply id (bot.yaml): the intent is answered with it and no fix is started.' }),
  examples: list(text),
});

export const intentsFile = z
  .strictObject({
    intents: z.record(snake, intent),
    out_of_scope: z.array(text).optional().meta({ description: 'Negative examples: never any intent.' }),
  })
  .meta({ title: 'smalltalk.yaml / intents.yaml: intents with training examples' });

const step = z.strictObject({
  id: snake,
  title: text,
  intents: z.array(snake).optional(),
  when: z.record(snake, list(text)).optional().meta({ description: 'Entity → values; skipped when a fact contradicts.' }),
  only: z.record(snake, list(text)).optional().meta({ description: 'Entity → values; offered only when the fact is known and one of these.' }),
  say: text.meta({ description: 'One short instruction that fits a phone screen.' }),
  detail: text.optional().meta({ description: 'The longer "show me how", behind a button.' }),
  ask: text.optional().meta({ description: 'The question after this step instead of "did that fix it?" (same answers: yes, no, already tried).' }),
  confirm: text.optional().meta({ description: 'A warning said first, then "go ahead?" (steps that can lose data or lock someone out).' }),
  links: z.array(link).optional(),
  next: snake.optional().meta({ description: 'The step after "not fixed": a step id or `escalate`.' }),
});

const diagnoseOption = z.strictObject({
  id: snake,
  label: text.meta({ description: 'The button.' }),
  intents: z.array(snake).optional().meta({ description: 'Typed answers meaning this option (intents the NLU finds).' }),
  errors: z.array(snake).optional().meta({ description: '`error_text` entity values meaning this option.' }),
  facts: z.record(snake, text).optional().meta({ description: 'Facts the answer establishes, e.g. { backup_target: computer }.' }),
  try: z.array(snake).optional().meta({ description: 'Step ids to try first, in order; none: the usual order ("I don\'t know").' }),
});

const diagnose = z.strictObject({
  say: text.meta({ description: 'The one question asked before the first fix when no cause was named.' }),
  options: list(diagnoseOption),
});

export const flowFile = z
  .strictObject({
    flow: z.strictObject({
      id: z.string().regex(KEBAB_CASE, 'must be kebab-case (a-z, 0-9, -)'),
      title: text,
      triggers: z.array(snake).optional(),
      diagnose: diagnose.optional(),
      steps: list(step),
    }),
  })
  .meta({ title: 'flow.yaml: a troubleshooting flow' });

const entity = z
  .strictObject({
    values: z.record(snake, list(text)).optional(),
    patterns: list(text).optional(),
    scope: z.enum(['inside', 'outside', 'apart', 'aside']).optional().meta({
      description:
        'What the bot covers, not a fact to keep: a message naming an `outside` value (another product) and nothing `inside` is off-topic; an `apart` value (another job: a restore, an app\'s own backup) is off-topic even beside an `inside` one, or is the intent it names; an `aside` value (another problem of our product: its own storage, a boot loop) is off-topic unless backing up or a backup target is named too.',
    }),
    mask: z.literal(true).optional().meta({
      description: 'The NLU reads these words as if absent (versions, models, error codes say where the user is, not what the problem is).',
    }),
    labels: z.record(snake, text).optional().meta({ description: 'value → how a person reads it (the summary of what was tried).' }),
    fact: z.boolean().optional().meta({ description: 'false: a word the engine reads (a list joiner, "all"), not a fact about the user.' }),
  })
  .refine((e) => e.values !== undefined || e.patterns !== undefined, 'needs `values` or `patterns`');

export const entitiesFile = z.strictObject({ entities: z.record(snake, entity) }).meta({ title: 'entities.yaml' });

const contact = z.strictObject({
  region: z.string().regex(/^(?:[A-Z]{2}|default)$/, 'must be a two-letter region code (e.g. GB) or `default`'),
  name: text,
  phone: text.optional().meta({ description: 'Shown only with phone_source and phone_checked; unverified numbers stay out.' }),
  phone_source: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional().meta({ description: 'Where the number was checked (Apple\'s page).' }),
  phone_checked: z.string().regex(ISO_DATE, 'must be a YYYY-MM-DD date').optional().meta({ description: 'The date it was checked there.' }),
  hours: text.optional(),
  links: z.array(link).optional(),
});

export const contactsFile = z.strictObject({ contacts: list(contact) }).meta({ title: 'escalation.yaml: support contacts' });

const ranges = z.array(z.string().regex(HOURS_RANGE, 'must be a "HH:MM-HH:MM" range'));

export const helpdeskFile = z
  .strictObject({
    helpdesk: z.strictObject({
      timezone: text.refine(isTimeZone, 'must be an IANA time zone, e.g. Europe/London'),
      hours: z.strictObject({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges }).partial(),
      holidays: z.array(z.string().regex(ISO_DATE, 'must be a YYYY-MM-DD date')).optional(),
    }),
  })
  .meta({ title: 'helpdesk.yaml: hours of the live help desk' });

const answerRule = z
  .strictObject({
    answer: z.enum(['yes', 'no', 'tried', 'unsure']),
    anywhere: list(text).optional().meta({ description: 'Phrases found anywhere in the message, as whole words ("still failing").' }),
    start: list(text).optional().meta({ description: 'Phrases the message starts with ("no", "sí").' }),
    patterns: list(text).optional().meta({ description: 'Regular expressions on the normalised text (lower case, accents folded).' }),
  })
  .refine((r) => r.anywhere !== undefined || r.start !== undefined || r.patterns !== undefined, 'needs `anywhere`, `start` or `patterns`');

export const languageFile = z
  .strictObject({
    language: z.strictObject({
      code: z.string().regex(/^[a-z]{2,3}$/, 'must be a BCP-47 language subtag such as en, es, de').meta({ description: 'The language; a locale\'s must match its folder name.' }),
      name: text.optional().meta({ description: 'How the language names itself (for people reading the knowledge).' }),
      spoken: z.boolean().optional().meta({ description: 'false: the bot does not speak it; the locale only holds `language_unsupported`.' }),
      stemmer: z.enum(STEMMER_NAMES as [string, ...string[]]).optional().meta({ description: "natural's stemmer for the language (default: the language code, else none)." }),
      fold: z.record(z.string().min(1), z.string()).optional().meta({ description: 'Letters replaced before accents are dropped, e.g. { ä: ae, ß: ss }.' }),
      shorthand: z.record(z.string().min(1), text).optional().meta({ description: 'Words as people type them → as the examples spell them.' }),
      answers: list(answerRule).optional().meta({ description: 'How people answer "did that fix it?", checked in order (most specific first).' }),
      switch: z.array(text).optional().meta({ description: 'Phrases that ask for this language at any time ("en español", "English please").' }),
      page: z
        .strictObject({
          title: text.optional().meta({ description: 'The chat page title.' }),
          launcher: text.optional().meta({ description: 'The embed launcher button (read by screen readers).' }),
          close: text.optional().meta({ description: 'The close button of the embedded chat.' }),
        })
        .optional()
        .meta({ description: "The web chat page's own words (Web Chat's own buttons follow its locale)." }),
    }),
  })
  .meta({ title: 'language.yaml: the language of the knowledge next to it' });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const SCHEMAS = {
  replies: repliesFile,
  intents: intentsFile,
  flow: flowFile,
  entities: entitiesFile,
  contacts: contactsFile,
  helpdesk: helpdeskFile,
  language: languageFile,
} as const satisfies Record<FileKind, z.ZodType>;

export type KindData = { readonly [K in FileKind]: z.infer<(typeof SCHEMAS)[K]> };
