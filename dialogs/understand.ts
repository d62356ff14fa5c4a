// One turn's meaning: a button's action token, a typed choice of the question asked, else the NLU's classification.
import type { Answer, Choice, Classification, Knowledge } from './types';
import type { Command, Understanding } from './context';
import { normalizeRegion } from './region';

const ANSWERS: Readonly<Record<string, Answer>> = { yes: 'yes', no: 'no', tried: 'tried', unsure: 'unsure' };
const ANSWER_INTENTS: Readonly<Record<string, Answer>> = { yes: 'yes', no: 'no', already_tried: 'tried' };
const COMMAND_TOKENS: Readonly<Record<string, Command>> = {
  human: 'human', restart: 'start_over', help: 'help', resume: 'resume', goodbye: 'goodbye', apple: 'apple', appointment: 'appointment',
  next: 'next', back: 'back', repeat: 'repeat', steps: 'steps', later: 'later', detail: 'detail',
};
const COMMAND_INTENTS: Readonly<Record<string, Command>> = {
  greeting: 'greeting', thanks: 'thanks', goodbye: 'goodbye', help: 'help', start_over: 'start_over', human: 'human', resume: 'resume',
  apple_support: 'apple', apple_appointment: 'appointment', next_step: 'next', previous_step: 'back', repeat_step: 'repeat',
  list_steps: 'steps', later: 'later',
};
const MAX_FACT_LENGTH = 200;

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** Lower case, letters and digits only: how typed text is compared with choice labels. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const isReadable = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

type Meaning = Omit<Understanding, 'text' | 'said' | 'chosen' | 'actionStepId' | 'entities'>;

/** The meaning of an action token, or undefined for a token the engine does not know (then it is read as text). */
export function parseAction(value: string, knowledge: Knowledge): Meaning | undefined {
  const v = value.trim();
  const answer = own(ANSWERS, v);
  if (answer) return { answer, intent: v === 'tried' ? 'already_tried' : v, confidence: 1 };
  const command = own(COMMAND_TOKENS, v);
  if (command) return { command, intent: command, confidence: 1 };
  const colon = v.indexOf(':');
  if (colon < 0) return undefined;
  const [prefix, rest] = [v.slice(0, colon), v.slice(colon + 1)];
  if (prefix === 'intent' && knowledge.intents.some((i) => i.name === rest)) {
    return { intent: rest, confidence: 1, command: own(COMMAND_INTENTS, rest), answer: own(ANSWER_INTENTS, rest) };
  }
  if (prefix === 'step' && rest.length > 0) return { intent: v, confidence: 1, stepTarget: rest };
  if (prefix === 'region' && rest.length > 0) return { intent: v, confidence: 1, region: normalizeRegion(rest) ?? rest.toLowerCase() };
  if (prefix === 'csat' && /^[1-5]$/.test(rest)) return { intent: v, confidence: 1, csat: Number(rest) };
  if (prefix === 'diag' && rest.length > 0) return { intent: v, confidence: 1, diagnosis: rest };
  return undefined;
}

/** A typed text that picks a choice of the question just asked: a number ("2"), a label or a value. */
function typedChoice(text: string, asked: readonly Choice[]): string | undefined {
  const number = /^\d{1,2}$/.test(text) ? Number(text) : 0;
  if (number >= 1 && number <= asked.length) return asked[number - 1].value;
  const s = squash(text);
  return s === '' ? undefined : asked.find((c) => squash(c.label) === s || squash(c.value) === s)?.value;
}

function fromClassification(nlu: Classification): Meaning & { entities: Readonly<Record<string, string>> } {
  const entities = Object.fromEntries(
    Object.entries(nlu.entities ?? {}).filter(([, v]) => typeof v === 'string' && v.length > 0).map(([k, v]) => [k, v.slice(0, MAX_FACT_LENGTH)]),
  );
  return {
    nlu,
    intent: typeof nlu.intent === 'string' && nlu.intent !== '' ? nlu.intent : 'unknown',
    confidence: Number.isFinite(nlu.confidence) ? nlu.confidence : 0,
    answer: nlu.answer ?? own(ANSWER_INTENTS, nlu.intent),
    command: own(COMMAND_INTENTS, nlu.intent),
    ambiguous: nlu.ambiguous,
    entities,
  };
}

export interface UnderstandOptions {
  readonly knowledge: Knowledge;
  readonly classify: (text: string) => Classification;
  /** The choices of the question the session is waiting on, for typed labels, values and numbers. */
  readonly asked: readonly Choice[];
  /** Every choice label in knowledge (squashed) → its value: used when the NLU finds nothing in the text. */
  readonly labels: ReadonlyMap<string, string>;
}

/** Ticked checklist values: strings only, a bounded number of them. */
function pickedOf(action: { picked?: readonly string[] } | undefined): readonly string[] | undefined {
  const picked = action?.picked;
  return Array.isArray(picked) ? picked.filter((v): v is string => typeof v === 'string' && v.length <= 200).slice(0, 50) : undefined;
}

export function understand(text: string | undefined, action: { value: string; stepId?: string; picked?: readonly string[] } | undefined, o: UnderstandOptions): Understanding {
  const typed = typeof text === 'string' ? text.trim() : '';
  const base = { text: typed, entities: {} };
  const pressed = action && typeof action.value === 'string' ? parseAction(action.value, o.knowledge) : undefined;
  if (pressed) {
    const stepId = typeof action?.stepId === 'string' ? action.stepId : undefined;
    const picked = pickedOf(action);
    return { ...base, ...pressed, said: true, chosen: true, ...(stepId ? { actionStepId: stepId } : {}), ...(picked ? { picked } : {}) };
  }
  // An unknown action token is read as if typed, so a forged or outdated button still gets an answer.
  const words = typed !== '' ? typed : typeof action?.value === 'string' ? action.value.trim() : '';
  if (!isReadable(words)) return { ...base, said: false, chosen: false, intent: 'unknown', confidence: 0 };
  const picked = typedChoice(words, o.asked);
  const meaning = picked !== undefined ? parseAction(picked, o.knowledge) : undefined;
  if (meaning) return { ...base, ...meaning, said: true, chosen: true };
  const read = fromClassification(o.classify(words));
  // A label of an earlier card, typed (or sent as text by the channel), when the NLU finds nothing in it. Labels come
  // after the NLU so that a label such as "Try again" does not take over ordinary sentences.
  const label = read.intent === 'unknown' && read.answer === undefined ? o.labels.get(squash(words)) : undefined;
  const labelled = label !== undefined ? parseAction(label, o.knowledge) : undefined;
  if (labelled) return { ...base, ...labelled, entities: read.entities, said: true, chosen: true };
  return { ...base, ...read, said: true, chosen: false };
}

/** Every choice label in the knowledge's replies, squashed, → its value (the first definition wins). */
export function labelIndex(knowledge: Knowledge): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const template of Object.values(knowledge.replies)) {
    for (const c of template.choices ?? []) if (!index.has(squash(c.label))) index.set(squash(c.label), c.value);
  }
  return index;
}
