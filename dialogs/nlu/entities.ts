// Entity extraction from knowledge.entities: value lists matched as whole words, regular expressions whose named group
// (or first capture group, or whole match) is the value. Compiled once per knowledge base.
import type { EntityDef } from '../types';
import { normalizeText, type Normalizer } from './normalize';

/** The entities that say a message is about backing up: its subject words, or where it backs up to. */
export const ABOUT_BACKUP: readonly string[] = ['subject', 'backup_target'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** NFKC, straight quotes, single spaces: enough for patterns, while keeping the user's own casing in the values. */
const light = (text: string) => text.normalize('NFKC').replace(/[\u2018\u2019\u201b`]/g, "'").replace(/\s+/g, ' ').trim();

interface Synonym {
  readonly value: string;
  readonly rawPhrase: string;
  readonly normalizedPhrase: string;
  readonly length: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `phrase` (lower case) as whole words in `text` (lower case): a plain search, no regular expression to compile. */
function containsWords(text: string, phrase: string): boolean {
  if (phrase === '') return false;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const end = at + phrase.length;
    if ((at === 0 || !WORD_CHAR.test(text[at - 1] as string)) && (end === text.length || !WORD_CHAR.test(text[end] as string))) return true;
  }
  return false;
}

export type EntityExtractor = (text: string) => Readonly<Record<string, string>>;

/** Any of the phrases as whole words (an alternation backtracks through every phrase at each position). */
function wholeWords(phrases: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

function compileValues(values: Readonly<Record<string, readonly string[]>>, normalizeText: Normalizer): Synonym[] {
  const out: Synonym[] = [];
  for (const [value, synonyms] of Object.entries(values)) {
    for (const synonym of [value, ...synonyms]) {
      // The normalised form also matches "wi fi" for "wi-fi" or "couldnt" for "couldn't"; a synonym with other symbols
      // ("icloud+") would lose its meaning in normalisation, so it is matched as written only.
      const normalized = /^[\p{L}\p{N}\s'’-]+$/u.test(synonym) ? normalizeText(synonym) : '';
      const rawPhrase = light(synonym).toLowerCase();
      out.push({ value, rawPhrase, normalizedPhrase: normalized, length: synonym.length });
    }
  }
  // The longest synonym wins: "icloud storage is full" says more than "icloud".
  return out.sort((a, b) => b.length - a.length);
}

/**
 * The `outside` entity a message names when it names nothing `inside` ("google drive storage full"), else undefined:
 * the message is about another product, so no intent of ours fits it.
 */
export function outsideScope(found: Readonly<Record<string, string>>, defs: readonly EntityDef[]): string | undefined {
  const named = (scope: EntityDef['scope']) => defs.filter((def) => def.scope === scope && found[def.name] !== undefined);
  // Another job is not ours whatever else is named: restoring an iPhone, or WhatsApp's own backup on one.
  const [apart] = named('apart');
  if (apart) return apart.name;
  // Another problem of our product (product ours, problem not): ours only when backing up is spoken of too.
  const [aside] = named('aside');
  if (aside && !ABOUT_BACKUP.some((name) => found[name] !== undefined)) return aside.name;
  const [outside] = named('outside');
  return outside && named('inside').length === 0 ? outside.name : undefined;
}

/** The entities worth keeping as facts about the user's problem: scope markers are not. */
export function factEntities(found: Readonly<Record<string, string>>, defs: readonly EntityDef[]): Record<string, string> {
  const markers = new Set(defs.filter((def) => def.scope !== undefined || def.fact === false).map((def) => def.name));
  return Object.fromEntries(Object.entries(found).filter(([name]) => !markers.has(name)));
}

/** `normalize`: the language's normaliser, for synonyms written without their accents or symbols (English by default). */
export function createEntityExtractor(defs: readonly EntityDef[], normalize: Normalizer = normalizeText): EntityExtractor {
  const compiled = defs.map((def) => {
    const synonyms = compileValues(def.values ?? {}, normalize);
    const normalizedPhrases = synonyms.map((s) => s.normalizedPhrase).filter((p) => p !== '');
    return {
      name: def.name,
      synonyms,
      // One test for "does any synonym occur at all?": most messages name nothing of most entities.
      anyRaw: synonyms.length > 0 ? wholeWords(synonyms.map((s) => s.rawPhrase)) : undefined,
      anyNormalized: normalizedPhrases.length > 0 ? wholeWords(normalizedPhrases) : undefined,
      patterns: (def.patterns ?? []).map((p) => new RegExp(p, 'iu')),
    };
  });
  return (text) => {
    const raw = light(text);
    const normalized = normalize(text);
    const rawLower = raw.toLowerCase();
    const normalizedLower = normalized.toLowerCase();
    const found: Record<string, string> = {};
    for (const entity of compiled) {
      const named = (entity.anyRaw?.test(raw) ?? false) || (entity.anyNormalized?.test(normalized) ?? false);
      const synonym = named ? entity.synonyms.find((s) => containsWords(rawLower, s.rawPhrase) || containsWords(normalizedLower, s.normalizedPhrase)) : undefined;
      if (synonym) {
        found[entity.name] = synonym.value;
        continue;
      }
      for (const pattern of entity.patterns) {
        const match = pattern.exec(raw);
        // A named group names the value it means ("(?<computer_connection>0xe800[0-9a-f]{4})"); else the text is the value.
        const named = match?.groups ? Object.keys(match.groups).find((name) => match.groups?.[name] !== undefined) : undefined;
        const value = named ?? (match?.[1] ?? match?.[0])?.trim();
        if (value) {
          found[entity.name] = value;
          break;
        }
      }
    }
    return found;
  };
}
