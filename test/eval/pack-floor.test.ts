// The CI gate of issue 3: the knowledge pack's cross-validated macro-F1 (as the bot decides) stays at or above the
// floor in dialogs/nlu/thresholds.ts. A content or NLU change that makes the bot understand less fails here, with
// the weakest intents named; `npm run eval:nlu` shows the whole report.
import { join } from 'node:path';
import { loadKnowledge, MACRO_F1_FLOOR } from '../../dialogs';
import { evaluatePack } from '../../bot/nlu/eval/pack-eval';

describe('the knowledge pack NLU', () => {
  it(`cross-validates at macro-F1 ≥ ${MACRO_F1_FLOOR}`, () => {
    const loaded = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
    if (!loaded.ok) throw new Error('knowledge/ is invalid: run npm run validate');
    const report = evaluatePack(loaded.knowledge, { folds: 5 });
    const weakest = [...report.decided.perLabel].sort((a, b) => a.f1 - b.f1).slice(0, 3).map((s) => `${s.label} ${s.f1.toFixed(3)}`);
    expect({ macroF1: report.decided.macroF1 >= MACRO_F1_FLOOR ? 'at or above the floor' : `${report.decided.macroF1.toFixed(3)}; weakest: ${weakest.join(', ')}` }).toEqual({ macroF1: 'at or above the floor' });
  });
});
