// The CI gate of issue 17, per language: each spoken locale's knowledge (knowledge/locales/<lang>/) cross-validates at
// the same macro-F1 floor as the English pack (test/eval/pack-floor.test.ts), as the bot decides. A locale with too few
// or too uniform examples fails here with its weakest intents named; `npm run eval:nlu -- --locale <lang>` shows all.
import { join } from 'node:path';
import { loadKnowledge, MACRO_F1_FLOOR } from '../../dialogs';
import { evaluatePack } from '../../bot/nlu/eval/pack-eval';

const loaded = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
if (!loaded.ok) throw new Error('knowledge/ is invalid: run npm run validate');
const spoken = Object.entries(loaded.languages).filter(([, k]) => k.language?.spoken !== false);

describe('each language\'s NLU', () => {
  it('has spoken locales to check', () => {
    expect(spoken.map(([code]) => code).sort()).toEqual(expect.arrayContaining(['de', 'es']));
  });

  it.each(spoken)(`%s cross-validates at macro-F1 ≥ ${MACRO_F1_FLOOR}`, (_code, knowledge) => {
    const report = evaluatePack(knowledge, { folds: 5 });
    const weakest = [...report.decided.perLabel].sort((a, b) => a.f1 - b.f1).slice(0, 3).map((s) => `${s.label} ${s.f1.toFixed(3)}`);
    expect({ macroF1: report.decided.macroF1 >= MACRO_F1_FLOOR ? 'at or above the floor' : `${report.decided.macroF1.toFixed(3)}; weakest: ${weakest.join(', ')}` }).toEqual({ macroF1: 'at or above the floor' });
  });
});
