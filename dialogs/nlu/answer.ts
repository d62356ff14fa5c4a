// Reads a reply to a yes/no question ("did that fix it?"): button values, emoji, and the many ways people say it.
// Phrases are checked most specific first: "not fixed" before "fixed", "not sure" before "no".
import type { Answer } from '../types';
import { normalizeText } from './normalize';

const BUTTONS: Readonly<Record<string, Answer>> = { yes: 'yes', no: 'no', tried: 'tried', unsure: 'unsure' };
const YES_EMOJI = /^(?:\p{Extended_Pictographic}|\s)*(?:👍|👌|✅|🙌|🎉|🥳|💯|✔️?|☑️?)(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\s|\uFE0F)*$/u;
const NO_EMOJI = /^(?:\p{Extended_Pictographic}|\s)*(?:👎|❌|✖️?|😞|😢|😭|☹️?|🙁|😩|😤)(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\s|\uFE0F)*$/u;

/** Applied to normalised text (lower case, contractions expanded, "nope" → "no", "yeah" → "yes"). */
const RULES: readonly (readonly [RegExp, Answer])[] = [
  [/\b(already (tried|did|done|restarted|checked|updated|reset|signed)|(tried|did|done) (that|it|this|those|both|everything)( \w+)? (already|before)|tried already|(tried|did) (that|this|those) (one|step)s?|been there done that)\b/, 'tried'],
  [/\b(kind of|kinda|sort of|sorta|maybe|perhaps|not sure|unsure|i do not know|do not know|no idea|partly|partially|somewhat|hard to say|not really sure|i guess|possibly|a bit|a little|half)\b/, 'unsure'],
  [/\b(still (fail|failing|fails|failed|not|broken|the same|does not|did not|no|getting|get|says|stuck|an error|error)|no (luck|change|dice|joy|difference|good)|(did|does|do|has|have) not (work|help|fix|change|do|solve)|not (working|fixed|solved|resolved|better|yet|really)|nothing (changed|happened|works|worked)|same (problem|error|issue|thing|message)|(did|does) nothing|(fail|failed|fails|failing) again|negative|nah|nope|not at all|unfortunately)\b/, 'no'],
  [/\b(that (did it|worked|fixed it|solved it|helped|was it)|it (worked|works|is working|fixed it|did it)|(works|working) now|(fixed|solved|sorted|resolved)( it| now)?|all good|all set|success|successful|finally|perfect|great|awesome|brilliant|excellent|thank you it worked|yay|woohoo|(backup|it) (completed|finished|went through|succeeded))\b/, 'yes'],
  [/^(i (have )?tried (that|this|it|those|both|everything))\b/, 'tried'],
  [/^(no|not|never|neither|none of (those|these|them|the above))\b/, 'no'],
  [/^(yes|yes please|sure|correct|affirmative|absolutely|definitely|indeed|right|true|yes sir|of course|okay it worked)\b/, 'yes'],
];

/** The answer in a message, or undefined when it does not read as one. */
export function parseAnswer(text: string): Answer | undefined {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (Object.hasOwn(BUTTONS, lower)) return BUTTONS[lower];
  if (YES_EMOJI.test(trimmed)) return 'yes';
  if (NO_EMOJI.test(trimmed)) return 'no';
  const normalized = normalizeText(trimmed);
  if (normalized === '') return undefined;
  for (const [pattern, answer] of RULES) if (pattern.test(normalized)) return answer;
  return undefined;
}
