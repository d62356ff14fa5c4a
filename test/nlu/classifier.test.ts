// The generic classifier: deterministic training, calibrated probabilities, tolerance of typos, never-empty examples.
import { trainClassifier, type TrainingExample } from '../../dialogs';
import { knowledgeExamples } from '../../dialogs';
import { tinyKnowledge } from './tiny-knowledge';

const examples: TrainingExample[] = knowledgeExamples(tinyKnowledge());
const classifier = trainClassifier(examples);
const top = (text: string) => classifier.rank(text, 1)[0]?.intent;

describe('trainClassifier', () => {
  it('is deterministic: the same seed gives the same model', () => {
    const again = trainClassifier(examples);
    expect(Array.from(again.model.weights)).toEqual(Array.from(classifier.model.weights));
    expect(again.model.temperature).toBe(classifier.model.temperature);
  });

  it('gives a different model for a different seed', () => {
    const other = trainClassifier(examples, { seed: 7 });
    expect(Array.from(other.model.weights)).not.toEqual(Array.from(classifier.model.weights));
  });

  it.each([
    ['my icloud storage is totally full', 'storage_full'],
    ['the wifi keeps dropping out', 'wifi_problem'],
    ['hello there', 'greeting'],
  ])('classifies %j as %s', (text, intent) => {
    expect(top(text)).toBe(intent);
  });

  it.each([
    ['my iclod storge is ful', 'storage_full'],
    ['wifii keeps droping', 'wifi_problem'],
    ['Wi-Fi conection is weak', 'wifi_problem'],
    ['helo', 'greeting'],
  ])('tolerates typos: %j → %s', (text, intent) => {
    expect(top(text)).toBe(intent);
  });

  it('returns probabilities that sum to 1 over the labels, best first', () => {
    const ranking = classifier.rank('icloud is full');
    expect(ranking.reduce((sum, s) => sum + s.confidence, 0)).toBeCloseTo(1, 6);
    expect(ranking.map((s) => s.confidence)).toEqual([...ranking.map((s) => s.confidence)].sort((a, b) => b - a));
  });

  it('learns from an example made only of symbols', () => {
    const withEmoji = trainClassifier([...examples, { text: '👋', label: 'greeting' }, { text: '👋👋', label: 'greeting' }, { text: '👋 👋', label: 'greeting' }]);
    expect(withEmoji.rank('👋', 1)[0]?.intent).toBe('greeting');
  });

  it('survives empty and odd input', () => {
    for (const text of ['', '   ', '?!', '🙂', 'x'.repeat(10_000)]) expect(classifier.rank(text)).toHaveLength(4);
  });
});

describe('L2 regularisation', () => {
  it("'auto' is the prior strength over the training size: zero strength is the same model as no L2", () => {
    const auto = trainClassifier(examples, { l2: 'auto', priorStrength: 0 });
    const none = trainClassifier(examples, { l2: 0 });
    expect(Array.from(auto.model.weights)).toEqual(Array.from(none.model.weights));
  });

  it('a stronger prior gives smaller weights', () => {
    const norm = (c: ReturnType<typeof trainClassifier>) => c.model.weights.reduce((s, w) => s + w * w, 0);
    expect(norm(trainClassifier(examples, { priorStrength: 5 }))).toBeLessThan(norm(trainClassifier(examples, { priorStrength: 0.05 })));
  });
});
