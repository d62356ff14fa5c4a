// The NLU model cache in DATA_DIR: trained once per knowledge hash, loaded after, retrained when unusable.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainUnderstander, type Knowledge } from '../../dialogs';
import { loadOrTrainUnderstander, modelCacheFile } from '../../bot/nlu/model-cache';
import { tinyKnowledge } from '../nlu/tiny-knowledge';

let dir: string;
let trainings: number;
const train = (k: Knowledge) => {
  trainings++;
  return trainUnderstander(k);
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nlu-cache-'));
  trainings = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadOrTrainUnderstander', () => {
  it('trains on a miss, then loads the same model', () => {
    const knowledge = tinyKnowledge('hash-1');
    const first = loadOrTrainUnderstander(knowledge, { dataDir: dir, train });
    const second = loadOrTrainUnderstander(knowledge, { dataDir: dir, train });
    expect([first.source, second.source, trainings]).toEqual(['trained', 'cache', 1]);
    expect(second.understander.classify('icloud is full')).toEqual(first.understander.classify('icloud is full'));
  });

  it('retrains for changed knowledge and keeps only the current model', () => {
    loadOrTrainUnderstander(tinyKnowledge('hash-1'), { dataDir: dir, train });
    const changed = loadOrTrainUnderstander(tinyKnowledge('hash-2'), { dataDir: dir, train });
    expect([changed.source, trainings]).toEqual(['trained', 2]);
    expect(readdirSync(dir)).toEqual([modelCacheFile(dir, 'hash-2').split('/').pop()]);
  });

  it('retrains over a corrupt file instead of failing', () => {
    const knowledge = tinyKnowledge('hash-3');
    writeFileSync(modelCacheFile(dir, knowledge.hash), '{"format":"backup-helpdesk-nlu/1","classif');
    const warnings: unknown[] = [];
    const result = loadOrTrainUnderstander(knowledge, { dataDir: dir, train, logger: { info: () => undefined, warn: (o: unknown) => warnings.push(o) } as never });
    expect([result.source, trainings, warnings.length]).toEqual(['trained', 1, 1]);
    expect(loadOrTrainUnderstander(knowledge, { dataDir: dir, train }).source).toBe('cache');
  });
});
