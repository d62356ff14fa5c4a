// The real knowledge and NLU for engine tests, with the trained model reused between local runs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLanguageIdentifier, deserializeModel, loadKnowledge, serializeModel, trainUnderstander, understanderFromModel } from '../../dialogs';
import type { EngineOptions, Knowledge, Understander } from '../../dialogs';

const ROOT = join(__dirname, '..', '..');

/**
 * Training takes seconds of CPU, so a local run reuses the model of an earlier one, keyed by the knowledge and the NLU's
 * source (any change retrains). CI always trains.
 */
function understanderFor(knowledge: Knowledge): Understander {
  if (process.env.CI === 'true') return trainUnderstander(knowledge);
  const nluDir = join(ROOT, 'dialogs', 'nlu');
  const source = readdirSync(nluDir).sort().map((f) => readFileSync(join(nluDir, f), 'utf8')).join('\0');
  const key = createHash('sha256').update(knowledge.hash).update(source).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `backup-bot-nlu-${key}.json`);
  if (existsSync(file)) return understanderFromModel(deserializeModel(readFileSync(file, 'utf8')), knowledge);
  const trained = trainUnderstander(knowledge);
  writeFileSync(`${file}.${process.pid}`, serializeModel(trained.model));
  renameSync(`${file}.${process.pid}`, file);
  return trained;
}

type RealBrain = EngineOptions & { readonly knowledge: Knowledge; readonly understander: Understander };
let cached: RealBrain | undefined;

/** The source knowledge and NLU, every locale with its own NLU, and the language identifier, as the bot has them. */
export function realBrain(): RealBrain {
  if (cached) return cached;
  const loaded = loadKnowledge(join(ROOT, 'knowledge'));
  if (!loaded.ok) throw new Error(`knowledge/ is invalid:\n${loaded.problems.map((p) => JSON.stringify(p)).join('\n')}`);
  const locales = Object.entries(loaded.languages);
  const spoken = (k: Knowledge) => k.language?.spoken !== false;
  cached = {
    knowledge: loaded.knowledge,
    understander: understanderFor(loaded.knowledge),
    languages: Object.fromEntries(locales.map(([code, k]) => [code, spoken(k) ? { knowledge: k, understander: understanderFor(k) } : { knowledge: k }])),
    identify: createLanguageIdentifier({
      spoken: [loaded.knowledge, ...locales.map(([, k]) => k).filter(spoken)],
      notices: locales.filter(([, k]) => !spoken(k)).map(([code]) => code),
    }),
  };
  return cached;
}

/** A suite over the real knowledge and NLU (kept as a named wrapper so the suites read as what they need). */
export function describeWithRealNlu(name: string, body: () => void): void {
  describe(name, body);
}
