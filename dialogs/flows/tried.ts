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

/** Words of the already_tried examples that no step intent's examples use: "already", "tried", "did that" … */
function triedWords(knowledge: Knowledge): ReadonlySet<string> {
  const hit = cache.get(knowledge);
  if (hit) return hit;
  const stepIntents = new Set(knowledge.flows.flatMap((f) => f.steps.flatMap((s) => s.intents)));
  const stepWords = new Set(knowledge.intents.filter((i) => stepIntents.has(i.name)).flatMap((i) => i.examples.flatMap(words)));
  const tried = knowledge.intents.find((i) => i.name === 'already_tried')?.examples.flatMap(words) ?? [];
  const set = new Set(tried.filter((w) => !stepWords.has(w)));
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
