// natural's stemmers by language, each loaded from its own file (never the stemmers index, which drags in the whole
// library) and only when a knowledge base asks for it: an English-only bot loads one.
/* eslint-disable @typescript-eslint/no-require-imports */

export interface Stemmer {
  stem(word: string): string;
}

const load = (file: string) => (): Stemmer => require(`natural/lib/natural/stemmers/${file}`) as Stemmer;

const STEMMERS: Readonly<Record<string, () => Stemmer>> = {
  en: load('porter_stemmer'),
  es: load('porter_stemmer_es'),
  de: load('porter_stemmer_de'),
  fr: load('porter_stemmer_fr'),
  it: load('porter_stemmer_it'),
  pt: load('porter_stemmer_pt'),
  nl: load('porter_stemmer_nl'),
  no: load('porter_stemmer_no'),
  sv: load('porter_stemmer_sv'),
  ru: load('porter_stemmer_ru'),
  uk: load('porter_stemmer_uk'),
  fa: load('porter_stemmer_fa'),
  none: () => ({ stem: (word: string) => word }),
};

/** The names knowledge may give as `stemmer:` in language.yaml. */
export const STEMMER_NAMES: readonly string[] = Object.keys(STEMMERS);

const loaded = new Map<string, Stemmer>();

/** The stemmer for a name (see STEMMER_NAMES); an unknown name gets none rather than an error (the loader checks names). */
export function stemmerFor(name: string): Stemmer {
  let stemmer = loaded.get(name);
  if (!stemmer) {
    stemmer = (Object.prototype.hasOwnProperty.call(STEMMERS, name) ? STEMMERS[name] : STEMMERS.none)();
    loaded.set(name, stemmer);
  }
  return stemmer;
}
