// Benchmark plumbing: the published tables read from README markdown, and a smoke run on a 3-intent CLINC150 subset
// (the full CLINC150 and Braun runs are `npm run eval:nlu -- --benchmark …`, too slow for `npm test`).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { trainClassifier } from '../../dialogs';
import { loadBraunCorpus } from '../../bot/nlu/benchmarks/braun2017';
import { loadClinc } from '../../bot/nlu/benchmarks/clinc150';
import { formatTable, readTable } from '../../bot/nlu/benchmarks/published';

const README = `# A benchmark
Some text.

| setting | classifier | in-scope accuracy | out-of-scope recall |
| --- | --- | --- | --- |
| oos-threshold | Rasa | 90.9 | 31.2 |
| oos-train | BERT | 96.9 | 40.3 |

After the table.
`;

describe('readTable', () => {
  it('reads the table that starts with the given column', () => {
    const table = readTable(README, 'Setting');
    expect(table).toEqual({
      header: ['setting', 'classifier', 'in-scope accuracy', 'out-of-scope recall'],
      rows: [['oos-threshold', 'Rasa', '90.9', '31.2'], ['oos-train', 'BERT', '96.9', '40.3']],
    });
    expect(formatTable(table!).split('\n')[2]).toBe('oos-threshold  Rasa        90.9               31.2');
    expect(readTable(README, 'system')).toBeUndefined();
  });
});

const benchmarks = process.env.NLU_BENCHMARKS_DIR ?? resolve(__dirname, '../../../shared/benchmarks');
const present = existsSync(resolve(benchmarks, 'clinc150/data_full.json')) && existsSync(resolve(benchmarks, 'braun2017'));
if (!present && process.env.CI !== 'true') console.warn(`SKIPPED: benchmark smoke tests, no data at ${benchmarks} (set NLU_BENCHMARKS_DIR).`);
const describeData = present || process.env.CI === 'true' ? describe : describe.skip;

describeData('benchmark data (smoke)', () => {
  it('learns a 3-intent CLINC150 subset with the bot\'s classifier', () => {
    const data = loadClinc(resolve(benchmarks, 'clinc150'));
    const intents = new Set(['weather', 'translate', 'pay_bill']);
    const classifier = trainClassifier(data.train.filter((e) => intents.has(e.label)));
    const test = data.test.filter((e) => intents.has(e.label));
    const right = test.filter((e) => classifier.rank(e.text, 1)[0]?.intent === e.label).length;
    expect(test).toHaveLength(90);
    expect(right / test.length).toBeGreaterThan(0.9);
  });

  it('reads the Braun corpora with their official split', () => {
    const chatbot = loadBraunCorpus(resolve(benchmarks, 'braun2017'), 'ChatbotCorpus');
    expect([chatbot.filter((s) => s.training).length, chatbot.filter((s) => !s.training).length]).toEqual([100, 106]);
  });
});
