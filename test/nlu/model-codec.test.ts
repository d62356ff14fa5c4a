// Serialising the model: an exact round trip, compact, and a readable error on anything malformed.
import { deserializeModel, serializeModel, trainUnderstander, understanderFromModel } from '../../dialogs';
import { tinyKnowledge } from './tiny-knowledge';

const knowledge = tinyKnowledge();
const trained = trainUnderstander(knowledge);

describe('serializeModel / deserializeModel', () => {
  it('round-trips exactly: same weights, same classifications', () => {
    const json = serializeModel(trained.model);
    const model = deserializeModel(json);
    expect(Array.from(model.classifier.weights)).toEqual(Array.from(trained.model.classifier.weights));
    expect(serializeModel(model)).toBe(json);
    const restored = understanderFromModel(model, knowledge);
    for (const text of ['icloud is full', 'wifi bad', 'hello', 'weather', 'bakup faild']) {
      expect(restored.classify(text)).toEqual(trained.classify(text));
    }
  });

  it('stores the weights as base64, not as decimal text', () => {
    const json = serializeModel(trained.model);
    expect(json.length).toBeLessThan(trained.model.classifier.weights.length * 6 + 50_000);
  });

  it.each([
    ['not JSON', 'nope'],
    ['another format', JSON.stringify({ format: 'other' })],
    ['truncated weights', () => serializeModel(trained.model).replace(/"weights":"[A-Za-z0-9+/]{8}/, '"weights":"')],
  ])('rejects %s', (_name, input) => {
    const json = typeof input === 'function' ? input() : input;
    expect(() => deserializeModel(json)).toThrow();
  });
});
