// Strict zod schemas for translation files (knowledge/locales/<lang>/…): the same file names as the English source,
// keyed by the same ids, each entry with `en:`, the hash of the English text it translates (see english-hash.ts).
import { z } from 'zod';
import type { FileKind } from './kinds';
import { SNAKE_CASE, languageFile } from './schema';

const snake = z.string().regex(SNAKE_CASE, 'must be snake_case (a-z, 0-9, _)');
const text = z.string().regex(/\S/, 'must not be empty');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must not be empty');
const en = z.string().regex(/^(?:[0-9a-f]{8}|new)$/, 'must be the 8-hex-digit hash of the English text (`npm run validate` prints it), or `new`').meta({
  description: 'The hash of the English text this translates (`new` until `npm run translations -- stamp <lang>` writes it): when the English changes, the validator calls the translation stale.',
});

const link = z.strictObject({
  title: text,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional().meta({ description: 'A page in this language instead of the English one.' }),
});
const links = z.array(link).optional().meta({ description: "The English entry's links in the same order: their titles (and, optionally, a localised URL)." });

const reply = z.strictObject({
  en,
  text: z.union([text, list(text)]).meta({ description: 'The message, or variants written natively (their number may differ from the English).' }),
  choices: z.record(z.string(), text).optional().meta({ description: 'Choice value (as in the English reply) → its label.' }),
  links,
});
export const localeRepliesFile = z.strictObject({ replies: z.record(snake, reply) }).meta({ title: 'locales/<lang>/bot.yaml: replies translated' });

const intent = z.strictObject({
  en,
  label: text.meta({ description: 'The intent\'s label in this language (the "Did you mean …?" button).' }),
  examples: list(text).meta({ description: 'Written natively, in the words people use in this language: not the English ones translated.' }),
});
export const localeIntentsFile = z
  .strictObject({
    intents: z.record(snake, intent).optional(),
    out_of_scope: z.array(text).optional().meta({ description: 'Negative examples in this language.' }),
  })
  .meta({ title: 'locales/<lang>/smalltalk.yaml, intents.yaml: intents in this language' });

const step = z.strictObject({ en, title: text, say: text, detail: text.optional(), confirm: text.optional(), ask: text.optional(), links });
export const localeFlowFile = z
  .strictObject({
    flow: z.strictObject({
      id: z.string().meta({ description: 'The English flow\'s id.' }),
      en,
      title: text,
      diagnose: z.strictObject({ en, say: text, options: z.record(snake, text).meta({ description: 'Option id → its label.' }) }).optional(),
      steps: z.record(snake, step).optional().meta({ description: 'Step id → its texts.' }),
    }),
  })
  .meta({ title: 'locales/<lang>/…/flow.yaml: a flow translated' });

const entity = z.strictObject({
  en: en.optional().meta({ description: 'The hash of the English labels (for an entity that has labels).' }),
  values: z.record(snake, list(text)).optional().meta({ description: 'Value → synonyms in this language, added to the English ones.' }),
  patterns: list(text).optional().meta({ description: 'Regular expressions in this language, tried after the English ones.' }),
  labels: z.record(snake, text).optional().meta({ description: 'Value → how a person reads it in this language.' }),
});
export const localeEntitiesFile = z.strictObject({ entities: z.record(snake, entity) }).meta({ title: 'locales/<lang>/entities.yaml' });

const contact = z.strictObject({ en, name: text, links });
export const localeContactsFile = z
  .strictObject({ contacts: z.record(z.string().regex(/^(?:[A-Z]{2}|default)$/, 'must be a region code (e.g. ES) or `default`'), contact) })
  .meta({ title: 'locales/<lang>/escalation.yaml: contact names translated' });

/** Kinds a locale may hold (help-desk hours are not words: they stay in the source). */
export const LOCALE_SCHEMAS = {
  replies: localeRepliesFile,
  intents: localeIntentsFile,
  flow: localeFlowFile,
  entities: localeEntitiesFile,
  contacts: localeContactsFile,
  language: languageFile,
} as const satisfies Partial<Record<FileKind, z.ZodType>>;

export type LocaleKind = keyof typeof LOCALE_SCHEMAS;
export type LocaleData = { readonly [K in LocaleKind]: z.infer<(typeof LOCALE_SCHEMAS)[K]> };
