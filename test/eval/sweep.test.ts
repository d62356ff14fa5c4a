// The threshold sweep on hand-made rankings: what each threshold answers right, wrong, not at all, and keeps out.
import { OUT_OF_SCOPE_LABEL } from '../../dialogs';
import type { RankedExample } from '../../bot/nlu/eval/cross-validate';
import { thresholdSweep } from '../../bot/nlu/eval/sweep';

const ranked = (expected: string, ...scores: [string, number][]): RankedExample => ({
  text: expected, expected, fold: 0, ranking: scores.map(([intent, confidence]) => ({ intent, confidence })),
});

const examples = [
  ranked('a', ['a', 0.9], ['b', 0.1]), // right at any threshold below 0.9
  ranked('a', ['a', 0.6], ['b', 0.4]), // right below 0.6 (margin 0.2 is not close)
  ranked('b', ['a', 0.7], ['b', 0.3]), // wrong below 0.7, then not understood
  ranked(OUT_OF_SCOPE_LABEL, ['a', 0.55], ['b', 0.45]), // close pair: never taken (margin 0.1 < 0.15)
  ranked(OUT_OF_SCOPE_LABEL, ['b', 0.8], ['a', 0.2]), // let in below 0.8
];

describe('thresholdSweep', () => {
  it('counts each threshold by hand', () => {
    const [low, mid, high] = thresholdSweep(examples, 0.15, [0.5, 0.65, 0.85]);
    expect(low).toEqual({ threshold: 0.5, inScopeCorrect: 2 / 3, inScopeWrong: 1 / 3, inScopeUnknown: 0, offTopicKeptOut: 0.5 });
    expect(mid).toEqual({ threshold: 0.65, inScopeCorrect: 1 / 3, inScopeWrong: 1 / 3, inScopeUnknown: 1 / 3, offTopicKeptOut: 0.5 });
    expect(high).toEqual({ threshold: 0.85, inScopeCorrect: 1 / 3, inScopeWrong: 0, inScopeUnknown: 2 / 3, offTopicKeptOut: 1 });
  });
});
