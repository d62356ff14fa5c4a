// The NLU model cache in DATA_DIR, keyed by the knowledge hash: start-up loads the trained model instead of retraining
// unchanged knowledge. A missing, stale or unreadable file is never an error: the NLU is retrained and the file rewritten.
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserializeModel, serializeModel, trainUnderstander, understanderFromModel, type Knowledge, type Understander } from '../../dialogs';
import type { Logger } from '../logger';

const PREFIX = 'nlu-model-';

export interface ModelCacheOptions {
  readonly dataDir: string;
  readonly logger?: Pick<Logger, 'info' | 'warn'>;
  /** Knowledge hashes whose models stay when this one is written (the other languages' of the same knowledge). */
  readonly keep?: readonly string[];
  /** Override for tests: the trainer to call on a cache miss. */
  readonly train?: (knowledge: Knowledge) => Understander & { readonly model: Parameters<typeof serializeModel>[0] };
}

export interface CachedUnderstander {
  readonly understander: Understander;
  readonly source: 'cache' | 'trained';
  readonly file: string;
}

/** The cache file for a knowledge hash. */
export function modelCacheFile(dataDir: string, hash: string): string {
  return join(dataDir, `${PREFIX}${hash.slice(0, 32)}.json`);
}

/** Loads the cached model for this knowledge, or trains one and caches it (older models are removed). */
export function loadOrTrainUnderstander(knowledge: Knowledge, options: ModelCacheOptions): CachedUnderstander {
  const file = modelCacheFile(options.dataDir, knowledge.hash);
  try {
    const understander = understanderFromModel(deserializeModel(readFileSync(file, 'utf8')), knowledge);
    options.logger?.info({ file }, 'NLU model loaded from cache');
    return { understander, source: 'cache', file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.logger?.warn({ file, err: error }, 'NLU model cache unusable; retraining');
  }
  const trained = (options.train ?? trainUnderstander)(knowledge);
  try {
    mkdirSync(options.dataDir, { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file that a later start would trip over.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serializeModel(trained.model));
    renameSync(temporary, file);
    removeOtherModels(options.dataDir, [file, ...(options.keep ?? []).map((hash) => modelCacheFile(options.dataDir, hash))]);
  } catch (error) {
    // A read-only or full disk costs the next start a retraining, nothing more.
    options.logger?.warn({ file, err: error }, 'NLU model could not be cached');
  }
  return { understander: trained, source: 'trained', file };
}

function removeOtherModels(dataDir: string, keep: readonly string[]): void {
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if (name.startsWith(PREFIX) && !keep.includes(path)) unlinkSync(path);
  }
}
