// Loads what the bot knows and understands: the knowledge (validated; every problem listed), the NLU, the engine.
import { createEngine, formatProblem, loadKnowledge, trainUnderstander, type Engine, type Knowledge } from '../dialogs';
import type { Logger } from './logger';

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
  readonly logger: Logger;
}

/** Loads and validates the knowledge, trains the NLU and builds the engine; throws KnowledgeInvalidError. */
export function loadBrain(options: BrainOptions): Brain {
  const started = performance.now();
  const loaded = loadKnowledge(options.knowledgeDir);
  if (!loaded.ok) throw new KnowledgeInvalidError(loaded.problems.map(formatProblem));
  const { knowledge } = loaded;
  const loadedMs = performance.now() - started;
  // bot/nlu/model-cache.ts (a trained model cached under DATA_DIR by knowledge hash) plugs in here once it exists.
  const understander = trainUnderstander(knowledge);
  const trainedMs = performance.now() - started - loadedMs;
  const engine = createEngine({ knowledge, understander });
  options.logger.info(
    {
      files: loaded.files.length,
      intents: knowledge.intents.length,
      flows: knowledge.flows.length,
      hash: knowledge.hash.slice(0, 12),
      loadMs: Math.round(loadedMs),
      trainMs: Math.round(trainedMs),
    },
    'knowledge loaded and NLU trained',
  );
  return { knowledge, engine };
}
