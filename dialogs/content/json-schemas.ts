// The JSON Schemas editors use (`schemas/<name>.schema.json`, written by `npm run schemas`), from the loader's zod schemas.
import { z } from 'zod';
import { FILE_KINDS } from './kinds';
import { LOCALE_SCHEMAS } from './locale-schema';
import { SCHEMAS } from './schema';

/**
 * Kind (and `locale-<kind>` for translations) → JSON Schema (draft 2020-12), written to `schemas/<name>.schema.json`
 * by `npm run schemas` for editors (`# yaml-language-server: $schema=…`). Refinements (time zones, entity shape) are left out; the loader checks them.
 * A transform would throw here, which is why the schemas describe the YAML as written.
 */
export function knowledgeJsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const kind of FILE_KINDS) out[kind] = z.toJSONSchema(SCHEMAS[kind], { target: 'draft-2020-12' }) as Record<string, unknown>;
  // Translations (locales/<lang>/…) have schemas of their own; their language.yaml is the source's kind.
  for (const [kind, schema] of Object.entries(LOCALE_SCHEMAS)) {
    if (kind !== 'language') out[`locale-${kind}`] = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  }
  return out;
}
