// From a ranking to a decision: threshold, top-two margin ("Did you mean …?") and the out-of-scope class.
import { decide, OUT_OF_SCOPE_LABEL } from '../../dialogs';

const r = (...pairs: [string, number][]) => pairs.map(([intent, confidence]) => ({ intent, confidence }));
const thresholds = { confidence: 0.5, margin: 0.15 };

describe('decide', () => {
  it.each([
    ['a clear winner', r(['a', 0.9], ['b', 0.05]), 'a', false],
    ['below the threshold', r(['a', 0.3], ['b', 0.1]), 'unknown', false],
    ['two close intents', r(['a', 0.45], ['b', 0.4]), 'unknown', true],
    ['close but together unlikely', r(['a', 0.2], ['b', 0.15]), 'unknown', false],
    ['close above the threshold', r(['a', 0.55], ['b', 0.44]), 'unknown', true],
    ['out of scope first', r([OUT_OF_SCOPE_LABEL, 0.7], ['a', 0.2], ['b', 0.1]), 'unknown', false],
    ['nothing at all', r(), 'unknown', false],
  ])('%s', (_name, ranking, intent, ambiguous) => {
    const decision = decide(ranking, thresholds);
    expect(decision.intent).toBe(intent);
    expect(decision.ambiguous !== undefined).toBe(ambiguous);
    expect(decision.ranking.some((s) => s.intent === OUT_OF_SCOPE_LABEL)).toBe(false);
  });

  it('offers the two close intents, best first', () => {
    expect(decide(r(['a', 0.45], ['b', 0.4]), thresholds).ambiguous?.map((s) => s.intent)).toEqual(['a', 'b']);
  });
});
