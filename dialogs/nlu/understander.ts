// The bot's Understander: the classifier trained on the knowledge's intents (plus an out-of-scope class from
// `out_of_scope`), the decision thresholds, entity extraction and the yes/no answer parser, in one `classify` call.
// Each language's knowledge gets its own, reading text in that language (knowledge.language → analyzer.ts).
import type { Classification, Knowledge, Understander } from '../types';
import { createAnswerReader } from './answer';
import { analyzerFor } from './analyzer';
import { classifierFromModel, type ClassifierModel } from './classifier';
import { decide, DEFAULT_THRESHOLDS, type Decision, type DecisionThresholds } from './decide';
import { createEntityExtractor, outsideScope } from './entities';
import { fromEvidence, noNetwork, offSubject, versionAsContext } from './evidence';
import { createMasker } from './mask';
import { OUT_OF_SCOPE_LABEL } from './thresholds';
import { trainClassifier, type TrainingExample, type TrainOptions } from './train';
import { normalizeExample } from '../content/check-intents';

/** Where a sentence ends: . ! ? (or a line break) followed by space. */
const SENTENCE_END = /(?<=[.!?])\s+|\n+/u;
/** Sentences looked at one by one, at most (a pasted essay is not read to its end). */
const MAX_SENTENCES = 6;

/** What is cached between runs: the trained classifier and the knowledge it was trained on. */
export interface UnderstanderModel {
  readonly version: 1;
  readonly knowledgeHash: string;
  readonly classifier: ClassifierModel;
}

export interface UnderstanderOptions {
  readonly training?: Partial<TrainOptions>;
  readonly thresholds?: DecisionThresholds;
  /** How many intents `ranking` lists. */
  readonly rankingSize?: number;
}

/** The training set the knowledge defines: every intent's examples, and out_of_scope under its own label. */
export function knowledgeExamples(knowledge: Knowledge): TrainingExample[] {
  const examples = knowledge.intents.flatMap((intent) => intent.examples.map((text) => ({ text, label: intent.name })));
  return [...examples, ...knowledge.outOfScope.map((text) => ({ text, label: OUT_OF_SCOPE_LABEL }))];
}

export function trainUnderstander(knowledge: Knowledge, options: UnderstanderOptions = {}): Understander & { readonly model: UnderstanderModel } {
  // The classifier learns from the examples as it will read messages: masked words (mask.ts) taken out.
  const mask = createMasker(knowledge.entities);
  const examples = knowledgeExamples(knowledge).map((e) => ({ ...e, text: mask(e.text) }));
  const classifier = trainClassifier(examples, options.training, analyzerFor(knowledge.language));
  const model: UnderstanderModel = { version: 1, knowledgeHash: knowledge.hash, classifier: classifier.model };
  return understanderFromModel(model, knowledge, options);
}

/**
 * Each training example (compared as the loader compares them) → its intent, or the out-of-scope label. An author who
 * wrote "talk to a human" under `human` expects exactly that message to be understood, however few examples a new
 * pack has and however strongly the model is regularised for them.
 */
function exampleOwners(knowledge: Knowledge): ReadonlyMap<string, string> {
  return new Map(knowledgeExamples(knowledge).map((e) => [normalizeExample(e.text), e.label]));
}

/** A message written exactly as an example is decided as that example's intent (or not understood, if off-topic). */
function asWritten(decision: Decision, owner: string | undefined): Decision {
  if (owner === undefined) return decision;
  if (owner === OUT_OF_SCOPE_LABEL) return { intent: 'unknown', confidence: decision.confidence, ranking: decision.ranking };
  return { intent: owner, confidence: 1, ranking: [{ intent: owner, confidence: 1 }] };
}

/** Rebuilds the Understander from a (cached) model; throws when the model was trained on other knowledge. */
export function understanderFromModel(model: UnderstanderModel, knowledge: Knowledge, options: UnderstanderOptions = {}): Understander & { readonly model: UnderstanderModel } {
  if (model.knowledgeHash !== knowledge.hash) {
    throw new Error(`NLU model was trained on knowledge ${model.knowledgeHash.slice(0, 12)}, not ${knowledge.hash.slice(0, 12)}`);
  }
  const analyzer = analyzerFor(knowledge.language);
  const classifier = classifierFromModel(model.classifier, analyzer);
  const extract = createEntityExtractor(knowledge.entities, analyzer.normalize);
  const mask = createMasker(knowledge.entities);
  const parseAnswer = createAnswerReader(knowledge.language?.answers, analyzer.normalize);
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const size = options.rankingSize ?? 5;
  const written = exampleOwners(knowledge);
  // The intents that are problems (flow triggers and steps): the ones another product's problem can look like.
  // Commands and answers ("thanks", "talk to a person", "no") mean the same whatever product is named.
  const topics = new Set(knowledge.flows.flatMap((flow) => [...flow.triggers, ...flow.steps.flatMap((s) => s.intents)]));
  const intentNames = new Set(knowledge.intents.map((i) => i.name));
  // Questions of the domain answered with a reply ("how do I restore from a backup?"): another product's is not ours.
  const scopedIntents = new Set([...topics, ...knowledge.intents.filter((i) => i.answer !== undefined).map((i) => i.name)]);
  const evidence = { triggers: knowledge.flows.flatMap((f) => f.triggers), intents: intentNames, defs: knowledge.entities };
  /**
   * A message of several sentences that is not understood as a whole ("Good morning. Since the weekend my iPhone
   * has not backed up to iCloud, and I tried …"): the sentence that names a problem most surely decides.
   * Averaged over every sentence, the words that matter are too diluted to pass the threshold. Only problems: one
   * sentence's "later" or "no" would make a goodbye or an answer of a message that is neither.
   */
  function clearestSentence(text: string, whole: Decision): Decision {
    const sentences = text.split(SENTENCE_END).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s)).slice(0, MAX_SENTENCES);
    if (sentences.length < 2) return whole;
    const sure = sentences
      .map((sentence) => decide(classifier.rank(mask(sentence), size + 1), thresholds))
      .filter((d) => topics.has(d.intent) && !d.ambiguous)
      .sort((a, b) => b.confidence - a.confidence);
    return sure[0] ?? whole;
  }

  return {
    model,
    classify(text: string): Classification {
      const entities = extract(text);
      const whole = asWritten(decide(classifier.rank(mask(text), size + 1), thresholds), written.get(normalizeExample(text)));
      const read = whole.intent === 'unknown' && !whole.ambiguous ? clearestSentence(text, whole) : whole;
      // Only a message read as the update pays for a second look at its masked words.
      const context = read.intent === 'ios_update' ? versionAsContext(read, entities, extract(mask(text)), evidence) : noNetwork(read, entities, evidence);
      const evidenced = context ?? fromEvidence(read, entities, evidence) ?? read;
      const decided = offSubject(text, evidenced, entities, topics, evidence) ? { ...evidenced, intent: 'unknown' } : evidenced;
      // Another product named, nothing of ours: whatever problem of ours its words resemble, it is not ours to answer.
      const scoped = decided.intent === 'unknown' || scopedIntents.has(decided.intent) ? outsideScope(entities, knowledge.entities) : undefined;
      // Another job that is an intent of its own ("restore_from_backup") is answered as that intent, not turned away.
      const job = scoped !== undefined && intentNames.has(entities[scoped] ?? '') ? entities[scoped] : undefined;
      const outside = job === undefined ? scoped : undefined;
      const decision: Decision = job !== undefined
        ? { intent: job, confidence: 1, ranking: [{ intent: job, confidence: 1 }] }
        : outside ? { intent: 'unknown', confidence: decided.confidence, ranking: decided.ranking } : decided;
      const answer = parseAnswer(text);
      // What the words report whatever the classifier chose: a reply to nothing asked may still report a failure.
      const supported = outside || job !== undefined ? undefined : fromEvidence({ ...read, intent: 'unknown', ambiguous: undefined }, entities, evidence)?.intent;
      return {
        intent: decision.intent,
        confidence: decision.confidence,
        ranking: decision.ranking.slice(0, size),
        ...(decision.ambiguous ? { ambiguous: decision.ambiguous } : {}),
        entities,
        ...(outside ? { outside } : {}),
        ...(supported !== undefined && supported !== decision.intent ? { evidence: supported } : {}),
        ...(answer ? { answer } : {}),
      };
    },
  };
}
