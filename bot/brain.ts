// Loads what the bot knows and understands: the knowledge (validated; every problem listed), the NLU, the engine.
import { createEngine, formatProblem, loadKnowledge, trainUnderstander, type Engine, type Knowledge, type Understander } from '../dialogs';
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
  readonly knowledge: Knowledge;
  readonly engine: Engine;
}

export interface BrainOptions {
  readonly knowledgeDir: string;
  /** Where the trained NLU model is cached, keyed by the knowledge hash (DATA_DIR); without it, no disk cache. */
  readonly dataDir?: string;
  readonly logger: Logger;
}

// Several bots in one process (tests, the chat CLI) share one trained model per knowledge hash: the model is immutable.
const understanders = new Map<string, Understander>();

/** Loads and validates the knowledge, trains the NLU and builds the engine; throws KnowledgeInvalidError. */
export function loadBrain(options: BrainOptions): Brain {
  const started = performance.now();
  // With a DATA_DIR, validated knowledge is cached there by content (bot/knowledge-cache.ts): unchanged knowledge
  // is not parsed and validated again at every start.
  const { result: loaded, source: knowledgeSource } = options.dataDir
    ? loadKnowledgeCached(options.knowledgeDir, options.dataDir, options.logger)
    : { result: loadKnowledge(options.knowledgeDir), source: 'parsed' };
  if (!loaded.ok) throw new KnowledgeInvalidError(loaded.problems.map(formatProblem));
  const { knowledge } = loaded;
  const loadedMs = performance.now() - started;
  let understander = understanders.get(knowledge.hash);
  let nluSource = 'memory';
  if (!understander) {
    const cached = options.dataDir
      ? loadOrTrainUnderstander(knowledge, { dataDir: options.dataDir, logger: options.logger })
      : { understander: trainUnderstander(knowledge), source: 'trained' };
    understander = cached.understander;
    nluSource = cached.source;
    understanders.set(knowledge.hash, understander);
  }
  const trainedMs = performance.now() - started - loadedMs;
  const engine = createEngine({ knowledge, understander });
  options.logger.info(
    {
      files: loaded.files.length,
      intents: knowledge.intents.length,
      flows: knowledge.flows.length,
      hash: knowledge.hash.slice(0, 12),
      loadMs: Math.round(loadedMs),
      knowledge: knowledgeSource,
      nluMs: Math.round(trainedMs),
      nlu: nluSource,
    },
    'knowledge loaded and NLU ready',
  );
  return { knowledge, engine };
}
