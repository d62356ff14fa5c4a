// `npm run bench:nlu`: the NLU's costs on the knowledge pack, beside a words-only baseline trained in the same run:
// training CPU time, model size, start-up from the DATA_DIR cache, classify latency warm and on first-seen typos.
import { deserializeModel, serializeModel, trainUnderstander, understanderFromModel, type Understander } from '../dialogs';
import { loadKnowledgeOrThrow } from './brain-speed';
import { round, summarize } from './stats';

const knowledgeDir = process.env.KNOWLEDGE_DIR ?? './knowledge';
const knowledge = loadKnowledgeOrThrow(knowledgeDir);
const texts = [...knowledge.intents.flatMap((i) => i.examples), ...knowledge.outOfScope];
// First-seen misspellings exercise the spelling tolerance, whose results are cached after the first call.
const typos = texts.map((t) => t.replace(/([a-z])([a-z])([a-z]{2,})/g, (_m, a: string, b: string, rest: string) => `${b}${a}${rest}`));

function cpuMs<T>(run: () => T): { value: T; ms: number } {
  const started = process.cpuUsage();
  const value = run();
  return { value, ms: process.cpuUsage(started).user / 1000 };
}

function latencies(u: Understander, list: readonly string[]): number[] {
  return list.map((text) => {
    const started = performance.now();
    u.classify(text);
    return performance.now() - started;
  });
}

function measure(name: string, options: Parameters<typeof trainUnderstander>[1]) {
  const trained = cpuMs(() => trainUnderstander(knowledge, options));
  const json = serializeModel(trained.value.model);
  const loaded = cpuMs(() => understanderFromModel(deserializeModel(json), knowledge));
  const firstTypos = summarize(latencies(loaded.value, typos), 3);
  for (const text of texts) loaded.value.classify(text);
  const warm = summarize([...latencies(loaded.value, texts), ...latencies(loaded.value, texts)], 3);
  return { name, trainCpuMs: round(trained.ms, 0), epochs: trained.value.model.classifier.stats.epochs, modelKb: round(json.length / 1024, 0), cacheLoadCpuMs: round(loaded.ms, 1), warm, firstTypos };
}

const ours = measure('bot (words + char n-grams)', {});
const baseline = measure('baseline (words only)', { training: { features: { wordNgrams: 2, charNgrams: null, charWeight: 0, minDf: 2, unknownInNorm: true } } });
console.log(`NLU on ${knowledgeDir}: ${texts.length} texts, ${knowledge.intents.length} intents`);
for (const r of [ours, baseline]) {
  console.log(`\n${r.name}`);
  console.log(`  training ${r.trainCpuMs} ms CPU (${r.epochs} epochs), model ${r.modelKb} KB, load from cache ${r.cacheLoadCpuMs} ms CPU`);
  console.log(`  classify warm p50 ${r.warm.p50} ms, p99 ${r.warm.p99} ms; first-seen typos p50 ${r.firstTypos.p50} ms, p99 ${r.firstTypos.p99} ms`);
}
console.log(`\nratios bot / baseline: training ${round(ours.trainCpuMs / baseline.trainCpuMs, 2)}×, warm p99 ${round(ours.warm.p99 / baseline.warm.p99, 2)}×`);
if (process.argv.includes('--json')) console.log(JSON.stringify({ ours, baseline }, null, 2));
