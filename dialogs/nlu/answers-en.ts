// The built-in English reading of yes/no answers, as data: the rules a knowledge base without its own `answers`
// (language.yaml) is read with. Another language writes its rules in its language.yaml; the reader is the same.
// Applied to normalised text (lower case, contractions expanded, "nope" → "no", "yeah" → "yes"), most specific first:
// "not fixed" before "fixed", "not sure" before "no".
import type { AnswerRule } from '../types';

export const ENGLISH_ANSWERS: readonly AnswerRule[] = [
  { answer: 'tried', patterns: ['\\b(already (tried|did|done|restarted|checked|updated|reset|signed)|(tried|did|done) (that|it|this|those|both|everything)( \\w+)? (already|before)|tried already|(tried|did) (that|this|those) (one|step)s?|been there done that)\\b'] },
  { answer: 'unsure', patterns: ['\\b(kind of|kinda|sort of|sorta|maybe|perhaps|not sure|unsure|i do not know|do not know|no idea|partly|partially|somewhat|hard to say|not really sure|i guess|possibly|a bit|a little|half)\\b'] },
  { answer: 'no', patterns: ['\\b(still (fail|failing|fails|failed|not|broken|the same|does not|did not|no|getting|get|says|stuck|an error|error)|no (luck|change|dice|joy|difference|good)|(did|does|do|has|have) not (work|help|fix|change|do|solve)|not (working|fixed|solved|resolved|better|yet|really)|nothing (changed|happened|works|worked)|same (problem|error|issue|thing|message)|(did|does) nothing|(fail|failed|fails|failing) again|negative|nah|nope|not at all|unfortunately)\\b'] },
  { answer: 'yes', patterns: ['\\b(that (did it|worked|fixed it|solved it|helped|was it)|it (worked|works|is working|fixed it|did it)|(works|working) now|(fixed|solved|sorted|resolved)( it| now)?|all good|all set|success|successful|finally|perfect|great|awesome|brilliant|excellent|thank you it worked|yay|woohoo|(backup|it) (completed|finished|went through|succeeded))\\b'] },
  { answer: 'tried', patterns: ['^(i (have )?tried (that|this|it|those|both|everything))\\b'] },
  { answer: 'no', patterns: ['^(no|not|never|neither|none of (those|these|them|the above))\\b'] },
  { answer: 'yes', patterns: ['^(yes|yes please|sure|correct|affirmative|absolutely|definitely|indeed|right|true|yes sir|of course|okay it worked)\\b'] },
];
