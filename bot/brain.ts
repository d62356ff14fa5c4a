// Loads what the bot knows and understands: the knowledge (validated; every problem listed) in every language it has,
// an NLU per spoken language, the language identifier, the engine.
import {
  createEngine, createLanguageIdentifier, formatProblem, loadKnowledge, trainUnderstander,
  type Engine, type Knowledge, type LanguageBrain, type Understander,
} from '../dialogs';
import { loadKnowledgeCached } from './knowledge-cache';
import type { Logger } from './logger';
import { loadOrTrainUnderstander } from './nlu/model-cache';

/** Invalid knowledge: the bot must not start. `problems` are `file:line  path  message`, every one of them. */
export class KnowledgeInvalidError extends Error {
  readonly code = 'KNOWLEDGE_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid knowledge (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.join('\n')}`);
    this.name = 'KnowledgeInvalidError';
  }
}

export interface Brain {
  /** The source knowledge (English). */
  readonly knowledge: Knowledge;
  readonly engine: Engine;
  /** Each locale's knowledge by language code (a notice-only locale too); absent or empty: the source language only. */
  readonly languages?: Readonly<Record<string, Knowledge>>;
}

export interface BrainOptions {
  readonly knowledgeDir: string;
  /** Where the trained NLU models are cached, keyed by each language's knowledge hash (DATA_DIR); without it, no disk cache. */
  readonly dataDir?: string;
  readonly logger: Logger;
}

// Several bots in one process (tests, the chat CLI) share one trained model per knowledge hash: the model is immutable.
const understanders = new Map<string, Understander>();

const spokenIn = (k: Knowledge): boolean => k.language?.spoken !== false;

/** Loads and validates the knowledge, trains (or loads) an NLU per spoken language and builds the engine. */
export function loadBrain(options: BrainOptions): Brain {
  const started = performance.now();
  // With a DATA_DIR, validated knowledge is cached there by content (bot/knowledge-cache.ts): unchanged knowledge
  // is not parsed and validated again at every start.
  const { result: loaded, source: knowledgeSource } = options.dataDir
    ? loadKnowledgeCached(options.knowledgeDir, options.dataDir, options.logger)
    : { result: loadKnowledge(options.knowledgeDir), source: 'parsed' };
  if (!loaded.ok) throw new KnowledgeInvalidError(loaded.problems.map(formatProblem));
  const { knowledge, languages } = loaded;
  const loadedMs = performance.now() - started;
  const spoken = [knowledge, ...Object.values(languages).filter(spokenIn)];
  const keep = spoken.map((k) => k.hash);
  const nlu: Record<string, string> = {};
  const understanderOf = (k: Knowledge): Understander => {
    const code = k.language?.code ?? 'en';
    let understander = understanders.get(k.hash);
    nlu[code] = 'memory';
    if (!understander) {
      const cached = options.dataDir
        ? loadOrTrainUnderstander(k, { dataDir: options.dataDir, logger: options.logger, keep })
        : { understander: trainUnderstander(k), source: 'trained' };
      understander = cached.understander;
      nlu[code] = cached.source;
      understanders.set(k.hash, understander);
    }
    return understander;
  };
  const understander = understanderOf(knowledge);
  const others: Record<string, LanguageBrain> = {};
  for (const [code, k] of Object.entries(languages)) others[code] = spokenIn(k) ? { knowledge: k, understander: understanderOf(k) } : { knowledge: k };
  const trainedMs = performance.now() - started - loadedMs;
  const multilingual = Object.keys(languages).length > 0;
  const identify = multilingual
    ? createLanguageIdentifier({ spoken, notices: Object.values(languages).filter((k) => !spokenIn(k)).map((k) => k.language?.code ?? '') })
    : undefined;
  const engine = createEngine({ knowledge, understander, languages: others, ...(identify ? { identify } : {}) });
  const untranslated = Object.fromEntries(Object.entries(languages).filter(([, k]) => spokenIn(k)).map(([code, k]) => [code, k.untranslated?.length ?? 0]));
  options.logger.info(
    {
      files: loaded.files.length,
      intents: knowledge.intents.length,
      flows: knowledge.flows.length,
      hash: knowledge.hash.slice(0, 12),
      loadMs: Math.round(loadedMs),
      knowledge: knowledgeSource,
      nluMs: Math.round(trainedMs),
      nlu,
      languages: spoken.map((k) => k.language?.code ?? 'en'),
      ...(multilingual ? { untranslated, translationWarnings: loaded.warnings.length } : {}),
    },
    'knowledge loaded and NLU ready',
  );
  return { knowledge, engine, languages };
}

/** The knowledge to speak `language` with: that locale's when the bot has it, else the source's. */
export function knowledgeIn(brain: Pick<Brain, 'knowledge' | 'languages'>, language: string | undefined): Knowledge {
  return (language !== undefined ? brain.languages?.[language] : undefined) ?? brain.knowledge;
}
