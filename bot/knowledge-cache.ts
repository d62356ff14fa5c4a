// The validated knowledge cached in DATA_DIR, keyed by the knowledge files and by the loader's own code: a start with
// unchanged knowledge reads one JSON file instead of parsing and validating every YAML file (0.3–0.6 s of CPU here).
// Only knowledge that passed validation is cached; a missing, stale or unreadable cache simply means a full load.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { loadKnowledge, type Knowledge, type KnowledgeProblem, type LoadResult } from '../dialogs';
import type { Logger } from './logger';

const PREFIX = 'knowledge-';
/** Bump when the cache file's layout changes. */
const FORMAT = 'knowledge-cache/2';
/** The loader's code (dialogs/content, .ts under ts-node/jest, .js in dist/): a change to it must not serve old output. */
const LOADER_DIR = join(__dirname, '..', 'dialogs', 'content');

interface CacheFile {
  readonly format: string;
  readonly files: readonly string[];
  readonly knowledge: Knowledge;
  readonly languages: Readonly<Record<string, Knowledge>>;
  readonly warnings: readonly KnowledgeProblem[];
}

export interface CachedKnowledge {
  readonly result: LoadResult;
  readonly source: 'cache' | 'parsed';
}

/** Every regular file under `dir` as [relative path, contents], sorted; throws if the directory can't be read. */
function filesUnder(dir: string): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push([relative(dir, full).split(sep).join('/'), readFileSync(full)]);
    }
  };
  walk(dir);
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The cache key: the knowledge directory's name and files, the loader's code, the format. Undefined if unreadable. */
export function knowledgeCacheKey(knowledgeDir: string): string | undefined {
  try {
    const hash = createHash('sha256').update(FORMAT).update('\0').update(basename(resolve(knowledgeDir))).update('\0');
    for (const [name, data] of filesUnder(LOADER_DIR)) hash.update(`loader/${name}`).update('\0').update(data).update('\0');
    for (const [name, data] of filesUnder(knowledgeDir)) hash.update(name).update('\0').update(data).update('\0');
    return hash.digest('hex');
  } catch {
    return undefined; // no loader sources beside us (a bundle) or an unreadable directory: load without the cache
  }
}

export const knowledgeCacheFile = (dataDir: string, key: string): string => join(dataDir, `${PREFIX}${key.slice(0, 32)}.json`);

/** As the loader does: the engine gets knowledge it cannot change by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Loads the knowledge from the DATA_DIR cache when its key matches, else from the YAML (caching it if valid). */
export function loadKnowledgeCached(knowledgeDir: string, dataDir: string, logger?: Pick<Logger, 'warn'>): CachedKnowledge {
  const key = knowledgeCacheKey(knowledgeDir);
  if (!key) return { result: loadKnowledge(knowledgeDir), source: 'parsed' };
  const file = knowledgeCacheFile(dataDir, key);
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cached.format === FORMAT && cached.knowledge && Array.isArray(cached.files) && cached.languages && Array.isArray(cached.warnings)) {
      const { knowledge, files, languages, warnings } = deepFreeze(cached);
      return { result: { ok: true, knowledge, files, languages, warnings }, source: 'cache' };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger?.warn({ file, err: error }, 'knowledge cache unusable; loading the YAML');
  }
  const result = loadKnowledge(knowledgeDir);
  if (result.ok) {
    try {
      mkdirSync(dataDir, { recursive: true });
      // Write then rename: a crash mid-write never leaves a half file for the next start.
      const temporary = `${file}.${process.pid}.tmp`;
      const content: CacheFile = { format: FORMAT, files: result.files, knowledge: result.knowledge, languages: result.languages, warnings: result.warnings };
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, file);
      for (const name of readdirSync(dataDir)) {
        if (name.startsWith(PREFIX) && name.endsWith('.json') && join(dataDir, name) !== file) unlinkSync(join(dataDir, name));
      }
    } catch (error) {
      logger?.warn({ file, err: error }, 'knowledge could not be cached');
    }
  }
  return { result, source: 'parsed' };
}
