// Which language a message is in, for switching when the user writes another language than the locale says (and for
// telling someone writing a language the bot does not speak which ones it does). Two opinions:
//  - the knowledge's own words: a word-frequency model per spoken language from its training examples, sure of
//    messages about backups ("la copia falla", "Backup klappt nicht") where a general detector still hesitates;
//  - tinyld (MIT, CommonJS, offline, its "light" profile: 17 MB, 24 ms to load), for everything else, including the
//    languages the bot does not speak.
// Short messages ("ok", "si", "ja", "iCloud") are never reliable: they must not flip a conversation's language.
import type { Knowledge, LanguageGuess, LanguageIdentifier } from '../types';

/** Languages tinyld may answer besides the knowledge's: the common ones people write to a European help desk in. */
const OTHERS = ['fr', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'tr', 'ca', 'ro'];
/** Below this many words or letters a message says too little about its language. */
const MIN_WORDS = 3;
const MIN_LETTERS = 12;
/** The knowledge's words decide when they cover this share of the message and lead by this log-likelihood (nats). */
const KNOWN_SHARE = 0.75;
const KNOWN_MARGIN = 3;
/** tinyld's score for a reliable answer (its scale: ~0.05 for a shaky guess, 0.2–1 for clear text). */
const DETECTOR_SCORE = 0.15;
/** …and for a language knowledge has no notice in: gibberish ("asdkjh qwpoe") gets middling scores for something. */
const SURE_SCORE = 0.5;
const SMOOTHING = 0.5;
/**
 * Scripts no Latin-script language is written in, with the language they most likely mean: tinyld is only asked
 * about European languages, so Chinese or Russian would otherwise never be recognised. Kana before Han (Japanese
 * mixes both). A message mostly in one of them, with this many of its letters, is that language.
 */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'], [/\p{Script=Hangul}/gu, 'ko'], [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'], [/\p{Script=Arabic}/gu, 'ar'], [/\p{Script=Hebrew}/gu, 'he'], [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Thai}/gu, 'th'], [/\p{Script=Devanagari}/gu, 'hi'],
];
const MIN_SCRIPT_LETTERS = 4;

export type Detector = (text: string, only: readonly string[]) => readonly { readonly lang: string; readonly accuracy: number }[];

/** tinyld's light profile, loaded on first use (an English-only bot never loads it). */
export const tinyldDetector: Detector = (text, only) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tinyld = require('tinyld/light') as typeof import('tinyld/light');
  return tinyld.detectAll(text, { only: [...only] });
};

/** Lower case, accents dropped, words of two letters or more: how both opinions see a message. */
export function plainWords(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 2);
}

/** The language a message's script gives away, when most of its letters are in a script the bot does not speak. */
function byScript(text: string, spoken: readonly string[]): string | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const [, code] = SCRIPTS.find(([re]) => (text.match(re)?.length ?? 0) >= MIN_SCRIPT_LETTERS) ?? [];
  // Han or Cyrillic letters count with the script's other letters (kana beside Han is one Japanese text).
  const foreign = text.match(/[^\p{Script=Latin}\P{L}]/gu)?.length ?? 0;
  return code !== undefined && !spoken.includes(code) && foreign * 2 > letters ? code : undefined;
}

interface WordModel {
  readonly code: string;
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

function wordModel(k: Knowledge): WordModel {
  const counts = new Map<string, number>();
  let total = 0;
  for (const text of [...k.intents.flatMap((i) => i.examples), ...k.outOfScope]) {
    for (const w of plainWords(text)) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      total += 1;
    }
  }
  return { code: k.language?.code ?? 'en', counts, total };
}

/**
 * The knowledge's opinion: the best language by its words, its lead, and the share of the message's words one of the
 * languages knows. Words every language knows ("iphone", "icloud", "backup") say nothing about the language and are
 * left out of the share.
 */
function byKnownWords(models: readonly WordModel[], vocabulary: number, words: readonly string[]): { code?: string; margin: number; known: number } {
  const telling = words.filter((w) => !models.every((m) => m.counts.has(w)));
  const known = telling.filter((w) => models.some((m) => m.counts.has(w)));
  if (known.length === 0 || models.length < 2) return { margin: 0, known: 0 };
  const scores = models.map((m) => ({
    code: m.code,
    score: known.reduce((sum, w) => sum + Math.log(((m.counts.get(w) ?? 0) + SMOOTHING) / (m.total + SMOOTHING * vocabulary)), 0),
  })).sort((a, b) => b.score - a.score);
  return { code: scores[0].code, margin: scores[0].score - scores[1].score, known: known.length / telling.length };
}

/** Keyboard mashing ("asdkjh qwpoe zmxn") has few vowels; words of any Latin-script language have a third or more. */
function wordLike(words: readonly string[]): boolean {
  const letters = words.join('');
  return (letters.match(/[aeiouy]/g)?.length ?? 0) / Math.max(1, letters.length) >= 0.3;
}

export interface IdentifierOptions {
  /** The spoken languages' knowledge (their examples are the in-domain word models). */
  readonly spoken: readonly Knowledge[];
  /** Other languages knowledge has a notice in (locales the bot does not speak). */
  readonly notices?: readonly string[];
  readonly detector?: Detector;
}

export function createLanguageIdentifier(options: IdentifierOptions): LanguageIdentifier {
  const models = options.spoken.map(wordModel);
  const vocabulary = new Set(models.flatMap((m) => [...m.counts.keys()])).size;
  const spoken = models.map((m) => m.code);
  const candidates = [...new Set([...spoken, ...(options.notices ?? []), ...OTHERS])];
  const detector = options.detector ?? tinyldDetector;
  const notices = new Set(options.notices ?? []);
  return (text): LanguageGuess | undefined => {
    const words = plainWords(text);
    const letters = words.reduce((n, w) => n + w.length, 0);
    if (words.length === 0) return undefined;
    const script = byScript(text, spoken);
    if (script !== undefined) return { language: script, reliable: true };
    const own = byKnownWords(models, vocabulary, words);
    const enough = words.length >= MIN_WORDS && letters >= MIN_LETTERS;
    const sure = own.code !== undefined && own.known >= KNOWN_SHARE && own.margin >= KNOWN_MARGIN;
    // The detector costs a fifth of a millisecond: not asked when its answer could not change the outcome (a short
    // message is never reliable; every telling word known to the knowledge leaves no room for another language).
    if (!enough) return own.code !== undefined ? { language: own.code, reliable: false } : undefined;
    if (sure && own.known === 1) return { language: own.code as string, reliable: true };
    const [top] = detector(text, candidates);
    if (sure) {
      // Italian or Portuguese shares words with Spanish: a detector sure of a language the bot does not speak wins.
      const contested = top !== undefined && !spoken.includes(top.lang) && top.accuracy >= 2 * DETECTOR_SCORE;
      return contested ? { language: top.lang, reliable: true } : { language: own.code as string, reliable: true };
    }
    if (!top) return own.code !== undefined ? { language: own.code, reliable: false } : undefined;
    // A language the bot speaks: only with its own words agreeing (a detector alone calls "lorem ipsum" German).
    // Another language: the detector sure of it and the knowledge's words covering little of the message (French
    // "hier" or "plus" are German and English words too); surer still for a language knowledge has no notice in.
    const speaks = spoken.includes(top.lang);
    const noticed = notices.has(top.lang);
    const reliable = top.accuracy >= DETECTOR_SCORE && (speaks
      ? own.code === top.lang
      : (noticed && own.known < 0.5) || (top.accuracy >= SURE_SCORE && own.known < KNOWN_SHARE && wordLike(words)));
    return { language: top.lang, reliable };
  };
}
