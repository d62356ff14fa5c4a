// Reads a reply to a yes/no question ("did that fix it?"): button values, emoji, and the many ways people say it in a
// language, from that language's rules (LanguageSpec.answers; English built in, answers-en.ts). Rules are checked in
// order, so the most specific come first: "not fixed" before "fixed", "not sure" before "no".
import type { Answer, AnswerRule } from '../types';
import { ENGLISH_ANSWERS } from './answers-en';
import { normalizeText, type Normalizer } from './normalize';

const BUTTONS: Readonly<Record<string, Answer>> = { yes: 'yes', no: 'no', tried: 'tried', unsure: 'unsure' };
const YES_EMOJI = /^(?:\p{Extended_Pictographic}|\s)*(?:👍|👌|✅|🙌|🎉|🥳|💯|✔️?|☑️?)(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\s|\uFE0F)*$/u;
const NO_EMOJI = /^(?:\p{Extended_Pictographic}|\s)*(?:👎|❌|✖️?|😞|😢|😭|☹️?|🙁|😩|😤)(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\s|\uFE0F)*$/u;

export type AnswerReader = (text: string) => Answer | undefined;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One rule as regular expressions on normalised text: its phrases (normalised like the text) and its patterns. */
function compile(rule: AnswerRule, normalize: Normalizer): RegExp[] {
  const phrases = (list: readonly string[] | undefined) => (list ?? []).map(normalize).filter((p) => p !== '').map(escape);
  const anywhere = phrases(rule.anywhere);
  const start = phrases(rule.start);
  return [
    ...(anywhere.length > 0 ? [new RegExp(`(?<![\\p{L}\\p{N}])(?:${anywhere.join('|')})(?![\\p{L}\\p{N}])`, 'u')] : []),
    ...(start.length > 0 ? [new RegExp(`^(?:${start.join('|')})(?![\\p{L}\\p{N}])`, 'u')] : []),
    ...(rule.patterns ?? []).map((p) => new RegExp(p, 'u')),
  ];
}

/** A reader for one language's rules, applied after the language's own normalisation. */
export function createAnswerReader(rules: readonly AnswerRule[] = ENGLISH_ANSWERS, normalize: Normalizer = normalizeText): AnswerReader {
  const compiled = rules.map((rule) => ({ answer: rule.answer, patterns: compile(rule, normalize) }));
  return (text) => {
    const trimmed = text.trim();
    const lower = trimmed.toLowerCase();
    if (Object.hasOwn(BUTTONS, lower)) return BUTTONS[lower];
    if (YES_EMOJI.test(trimmed)) return 'yes';
    if (NO_EMOJI.test(trimmed)) return 'no';
    const normalized = normalize(trimmed);
    if (normalized === '') return undefined;
    for (const rule of compiled) if (rule.patterns.some((p) => p.test(normalized))) return rule.answer;
    return undefined;
  };
}

const english = createAnswerReader();

/** The answer in an English message, or undefined when it does not read as one. */
export function parseAnswer(text: string): Answer | undefined {
  return english(text);
}
