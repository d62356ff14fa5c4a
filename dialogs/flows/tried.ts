// Which step "I already tried restarting" is about: the message's own step intent, else the text read again without
// the already-tried words, else a clearly ranked step intent.
import type { Knowledge } from '../types';
import type { TurnContext } from '../context';
import type { StepRef } from './runner';
import { findStepAnywhere, stepForIntent } from './runner';
import { isReadable } from '../understand';

/** A ranked step intent below this probability is too weak to mark a step as tried (a wrong mark hides a fix). */
const MIN_RANKED = 0.25;

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w !== '');

const cache = new WeakMap<Knowledge, ReadonlySet<string>>();

/** How much more often a word must appear in already_tried examples than in any one step intent's to count as "tried" wording. */
const TRIED_RATIO = 5;

/** Share of the examples that use each word (each example counts a word once). */
function wordShares(examples: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const example of examples) for (const w of new Set(words(example))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Map([...counts].map(([w, n]) => [w, n / Math.max(1, examples.length)]));
}

/**
 * Words typical of the already_tried examples: "already", "tried", "did that" … A word also used now and then in a step
 * intent ("have you tried turning it off") still counts, so the comparison is by share, not by presence; and it is made
 * per step intent, so "restarting" (common in "I already tried restarting" and in the restart intent) is kept.
 */
function triedWords(knowledge: Knowledge): ReadonlySet<string> {
  const hit = cache.get(knowledge);
  if (hit) return hit;
  const stepIntents = new Set(knowledge.flows.flatMap((f) => f.steps.flatMap((s) => s.intents)));
  const stepShares = knowledge.intents.filter((i) => stepIntents.has(i.name)).map((i) => wordShares(i.examples));
  const topStepShare = (w: string): number => Math.max(0, ...stepShares.map((shares) => shares.get(w) ?? 0));
  const triedShares = wordShares(knowledge.intents.find((i) => i.name === 'already_tried')?.examples ?? []);
  const set = new Set([...triedShares].filter(([w, share]) => share >= TRIED_RATIO * topStepShare(w)).map(([w]) => w));
  cache.set(knowledge, set);
  return set;
}

export function triedStep(ctx: TurnContext): StepRef | undefined {
  const { knowledge, u, session } = ctx;
  if (u.stepTarget) return findStepAnywhere(knowledge, u.stepTarget, session.flowId);
  const direct = stepForIntent(knowledge, u.intent, session.flowId);
  if (direct || u.chosen || !u.nlu) return direct;
  const strip = triedWords(knowledge);
  const rest = words(u.text).filter((w) => !strip.has(w)).join(' ');
  if (isReadable(rest) && rest !== u.text.toLowerCase()) {
    const again = stepForIntent(knowledge, ctx.classify(rest).intent, session.flowId);
    if (again) return again;
  }
  const ranked = u.nlu.ranking.slice(0, 3).find((r) => r.confidence >= MIN_RANKED && stepForIntent(knowledge, r.intent) !== undefined);
  return ranked ? stepForIntent(knowledge, ranked.intent, session.flowId) : undefined;
}

/** Separators of a list in any language; the words that join one ("and", "y", "und") come from the `conjunction` entity. */
const LIST_MARKS = /[,;&+/]|\n/u;
const joinWords = new WeakMap<Knowledge, RegExp | undefined>();

function conjunctions(knowledge: Knowledge): RegExp | undefined {
  if (joinWords.has(knowledge)) return joinWords.get(knowledge);
  const def = knowledge.entities.find((e) => e.name === 'conjunction');
  const phrases = Object.entries(def?.values ?? {}).flatMap(([v, s]) => [v, ...s]).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = phrases.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'iu') : undefined;
  joinWords.set(knowledge, re);
  return re;
}

/** True for a word that joins a list ("and", from the `conjunction` entity). */
export function isJoinWord(knowledge: Knowledge, word: string): boolean {
  return conjunctions(knowledge)?.test(word) === true;
}

/** The step one part of a list names ("restarted the phone"), read without the already-tried words. */
function stepOfPart(ctx: TurnContext, part: string): StepRef | undefined {
  const strip = triedWords(ctx.knowledge);
  const rest = words(part).filter((w) => !strip.has(w)).join(' ');
  if (!isReadable(rest)) return undefined;
  return stepForIntent(ctx.knowledge, ctx.classify(rest).intent, ctx.session.flowId);
}

/**
 * Every step "I already did X and Y" names: the message split at list marks and joining words, each part read on its
 * own. One step or none: `triedStep` decides as before. Buttons and `step:` targets name one step.
 */
export function triedSteps(ctx: TurnContext): readonly StepRef[] {
  const { u } = ctx;
  const one = triedStep(ctx);
  if (u.chosen || u.stepTarget || !u.nlu) return one ? [one] : [];
  const joiner = conjunctions(ctx.knowledge);
  const parts = u.text.split(LIST_MARKS).flatMap((p) => (joiner ? p.split(joiner) : [p])).map((p) => p.trim()).filter(isReadable);
  if (parts.length < 2) return one ? [one] : [];
  const found: StepRef[] = [];
  for (const ref of parts.map((p) => stepOfPart(ctx, p))) {
    if (ref && !found.some((f) => f.step.id === ref.step.id)) found.push(ref);
  }
  if (one && !found.some((f) => f.step.id === one.step.id) && found.length === 0) found.push(one);
  return found;
}
