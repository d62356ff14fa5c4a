// `npm run eval:nlu`: cross-validates the NLU on the knowledge pack (per-intent scores, confused pairs, misclassified
// examples, threshold sweep) and exits 1 when macro-F1 is under the floor in dialogs/nlu/thresholds.ts.
//   npm run eval:nlu -- --json                        the report as JSON
//   npm run eval:nlu -- --benchmark clinc150|braun2017  official train → test split, our row beside the published ones
//   npm run eval:nlu -- --heldout                     trained on all of knowledge/, scored on held-out messages
//                                                       (test/nlu/heldout/messages.yaml, or --heldout-file)
//   npm run eval:nlu -- --realworld                   the engine's first reply to messages people wrote in public
//                                                       (test/nlu/realworld/messages.yaml), beside every blind set
//   npm run eval:nlu -- --locale es                   the same for a locale's knowledge (knowledge/locales/es/): its
//                                                       cross-validation with the same floor; with --heldout, every
//                                                       blind set in test/nlu/heldout/es/ (or --heldout-file)
// Benchmarks are read from ../shared/benchmarks (or NLU_BENCHMARKS_DIR / --benchmarks-dir), never copied into the repo.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, formatProblem, loadKnowledge, MACRO_F1_FLOOR, trainUnderstander, type Knowledge } from '../../dialogs';
import { evaluateHeldout, formatHeldoutLine, formatHeldoutReport, heldoutCounts, readHeldout } from '../nlu/eval/heldout';
import { evaluateRealWorld, formatRealWorldReport, readRealWorld } from '../nlu/eval/realworld';
import { formatPackReport } from '../nlu/eval/format';
import { evaluatePack } from '../nlu/eval/pack-eval';
import { readArgs, usageOf } from './args';
import { BENCHMARKS, runBenchmark, type BenchmarkName } from '../nlu/benchmarks/report';

const HELDOUT_DIR = 'test/nlu/heldout';

const { values } = readArgs({
    benchmark: { type: 'string' },
    'benchmarks-dir': { type: 'string', default: process.env.NLU_BENCHMARKS_DIR ?? resolve(process.cwd(), '../shared/benchmarks') },
    knowledge: { type: 'string', default: process.env.KNOWLEDGE_DIR ?? './knowledge' },
    folds: { type: 'string', default: '5' },
    misclassified: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
    heldout: { type: 'boolean', default: false },
    'heldout-file': { type: 'string' },
    realworld: { type: 'boolean', default: false },
    locale: { type: 'string' },
    'realworld-file': { type: 'string', default: 'test/nlu/realworld/messages.yaml' },
}, usageOf(
  'npm run eval:nlu                                  cross-validation of the pack (per intent, confusions, sweep)',
  'npm run eval:nlu -- --json                        the report as JSON',
  'npm run eval:nlu -- --benchmark clinc150|braun2017  a public benchmark (--benchmarks-dir, NLU_BENCHMARKS_DIR)',
  'npm run eval:nlu -- --heldout [--heldout-file F]  scored on the blind held-out messages',
  'npm run eval:nlu -- --realworld                   the first reply to messages people wrote in public, beside the blind sets',
  'npm run eval:nlu -- --locale es|de [--heldout]    the same for a locale\'s knowledge',
));

function benchmark(name: string): number {
  if (!BENCHMARKS.includes(name as BenchmarkName)) {
    console.error(`Unknown benchmark "${name}": use ${BENCHMARKS.join(' or ')}.`);
    return 2;
  }
  const dir = values['benchmarks-dir'] as string;
  if (!existsSync(resolve(dir, name))) {
    console.error(`Benchmark data not found at ${resolve(dir, name)}: set NLU_BENCHMARKS_DIR or --benchmarks-dir.`);
    return 2;
  }
  const report = runBenchmark(name as BenchmarkName, dir);
  console.log(values.json ? JSON.stringify({ benchmark: report.benchmark, ...report.result }, null, 2) : report.text);
  return 0;
}

/** The knowledge to evaluate: the source's, or the locale's named by --locale; undefined (and said why) when none. */
function knowledgeToEvaluate(): Knowledge | undefined {
  const loaded = loadKnowledge(values.knowledge as string);
  if (!loaded.ok) {
    loaded.problems.forEach((p) => console.error(formatProblem(p)));
    return undefined;
  }
  if (values.locale === undefined) return loaded.knowledge;
  const knowledge = loaded.languages[values.locale];
  if (!knowledge || knowledge.language?.spoken === false) {
    console.error(`No spoken locale "${values.locale}" in ${values.knowledge}/locales (have: ${Object.keys(loaded.languages).join(', ') || 'none'}).`);
    return undefined;
  }
  return knowledge;
}

function pack(): number {
  const knowledge = knowledgeToEvaluate();
  if (!knowledge) return 2;
  const report = evaluatePack(knowledge, { folds: Number(values.folds) });
  const pass = report.decided.macroF1 >= MACRO_F1_FLOOR;
  if (values.json) console.log(JSON.stringify({ ...report, floor: MACRO_F1_FLOOR, pass }, null, 2));
  else console.log(formatPackReport(report, { floor: MACRO_F1_FLOOR, misclassified: Number(values.misclassified) }));
  if (!pass) console.error(`\nCross-validated macro-F1 ${report.decided.macroF1.toFixed(3)} is below the floor ${MACRO_F1_FLOOR}.`);
  return pass ? 0 : 1;
}

/** The blind sets to score: --heldout-file, else test/nlu/heldout/messages.yaml, or every file in test/nlu/heldout/<locale>/. */
function heldoutFiles(): string[] {
  if (values['heldout-file'] !== undefined) return [values['heldout-file']];
  if (values.locale === undefined) return [join(HELDOUT_DIR, 'messages.yaml')];
  const dir = join(HELDOUT_DIR, values.locale);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f)) : [];
}

function heldout(): number {
  const knowledge = knowledgeToEvaluate();
  if (!knowledge) return 2;
  const files = heldoutFiles();
  if (files.length === 0) {
    console.error(`No blind set for locale "${values.locale}" (expected test/nlu/heldout/${values.locale}/*.yaml).`);
    return 2;
  }
  const understander = trainUnderstander(knowledge);
  for (const file of files) {
    const report = evaluateHeldout(understander, readHeldout(file, knowledge), knowledge);
    console.log(values.json ? JSON.stringify({ file, ...report }, null, 2) : formatHeldoutReport(report, file, Number(values.misclassified)));
  }
  return 0;
}

/** The real-world set through the whole engine, then each blind set in test/nlu/heldout/ in one line. */
function realworld(file: string): number {
  const loaded = loadKnowledge(values.knowledge as string);
  if (!loaded.ok) {
    loaded.problems.forEach((p) => console.error(formatProblem(p)));
    return 2;
  }
  const understander = trainUnderstander(loaded.knowledge);
  const engine = createEngine({ knowledge: loaded.knowledge, understander });
  const report = evaluateRealWorld(engine, loaded.knowledge, readRealWorld(file));
  const blind = readdirSync(HELDOUT_DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const messages = readHeldout(join(HELDOUT_DIR, f), loaded.knowledge, true);
    return { file: f, skipped: messages.skipped, report: evaluateHeldout(understander, messages, loaded.knowledge) };
  });
  if (values.json) {
    console.log(JSON.stringify({ realworld: report, blind: blind.map((b) => ({ file: b.file, skippedIntents: b.skipped, ...heldoutCounts(b.report) })) }, null, 2));
    return 0;
  }
  console.log(formatRealWorldReport(report, file, Number(values.misclassified)));
  console.log('\nBlind sets (test/nlu/heldout/), intent as the NLU decides:');
  for (const b of blind) console.log(`  ${formatHeldoutLine(b.file, b.report)}${b.skipped.length ? `  (not in knowledge, left out: ${b.skipped.join(', ')})` : ''}`);
  return 0;
}

try {
  process.exitCode = values.benchmark ? benchmark(values.benchmark) : values.realworld ? realworld(values['realworld-file'] as string) : values.heldout ? heldout() : pack();
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 2;
}
