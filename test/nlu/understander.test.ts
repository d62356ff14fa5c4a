// The bot's Understander: intents, out-of-scope, "Did you mean …?", entities and answers in one classify call.
import { OUT_OF_SCOPE_LABEL, trainUnderstander, understanderFromModel, type Classification } from '../../dialogs';
import { tinyKnowledge } from './tiny-knowledge';

const knowledge = tinyKnowledge();
const understander = trainUnderstander(knowledge);

describe('trainUnderstander', () => {
  it.each([
    ['my icloud storage is full', 'storage_full'],
    ['wifi is not working again', 'wifi_problem'],
    ['hi there', 'greeting'],
  ])('understands %j as %s', (text, intent) => {
    expect(understander.classify(text).intent).toBe(intent);
  });

  it.each(['what is the weather on friday', 'tell me a funny joke', 'qwertyuiop'])('keeps %j out', (text) => {
    expect(understander.classify(text).intent).toBe('unknown');
  });

  it('ranks intents only, never the out-of-scope class', () => {
    const c: Classification = understander.classify('tell me a joke');
    expect(c.ranking.some((s) => s.intent === OUT_OF_SCOPE_LABEL)).toBe(false);
    expect(c.ranking.reduce((sum, s) => sum + s.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('extracts entities and reads answers in the same call', () => {
    const c = understander.classify('yes!! it worked on ios 17.2 with icloud');
    expect(c.entities).toEqual({ ios_version: '17.2', backup_target: 'icloud' });
    expect(c.answer).toBe('yes');
    expect(understander.classify('my wifi is bad').answer).toBeUndefined();
  });

  it('rebuilds from its model, and refuses a model of other knowledge', () => {
    const again = understanderFromModel(understander.model, knowledge);
    expect(again.classify('icloud full')).toEqual(understander.classify('icloud full'));
    expect(() => understanderFromModel(understander.model, tinyKnowledge('other-hash'))).toThrow(/trained on knowledge/);
  });

  it('asks "Did you mean …?" when the top two are close', () => {
    const ambiguous = trainUnderstander(knowledge, { thresholds: { confidence: 0.5, margin: 1 } }).classify('icloud storage wifi');
    expect(ambiguous.intent).toBe('unknown');
    expect(ambiguous.ambiguous?.map((s) => s.intent).sort()).toEqual(['storage_full', 'wifi_problem']);
  });

  it('understands a message written exactly as an example even when the model is unsure (tiny packs, strong prior)', () => {
    const timid = trainUnderstander(knowledge, { training: { l2: 0.5 }, thresholds: { confidence: 0.99, margin: 0.1 } });
    expect(timid.classify('Good   morning!').intent).toBe('greeting');
    expect(timid.classify('good morning to you').intent).toBe('unknown');
    expect(timid.classify('tell me a JOKE').intent).toBe('unknown'); // an off-topic example stays off-topic
  });
});

describe('scope entities (another product named, nothing of ours)', () => {
  const flow = {
    id: 'demo', title: 'Demo', triggers: [], steps: [
      { id: 'storage', title: 'Storage', intents: ['storage_full'], say: 'Free up storage.', links: [], when: {} },
      { id: 'wifi', title: 'Wi-Fi', intents: ['wifi_problem'], say: 'Check Wi-Fi.', links: [], when: {} },
    ],
  };
  const scoped = {
    ...tinyKnowledge('scoped-hash'),
    flows: [flow],
    entities: [
      ...tinyKnowledge().entities,
      { name: 'other_product', scope: 'outside' as const, values: { google: ['google drive'], android: ['android'] } },
      { name: 'our_product', scope: 'inside' as const, values: { apple: ['iphone', 'icloud'] } },
    ],
  } as unknown as ReturnType<typeof tinyKnowledge>;
  const gated = trainUnderstander(scoped);

  it('turns a problem intent away when only another product is named, and says which entity did it', () => {
    expect(gated.classify('my storage is full').intent).toBe('storage_full');
    const c = gated.classify('my google drive storage is full');
    expect(c).toMatchObject({ intent: 'unknown', outside: 'other_product' });
    expect(c.ranking[0].intent).toBe('storage_full'); // the ranking still says what it sounded like
  });

  it('keeps the intent when something of ours is named too', () => {
    expect(gated.classify('my icloud storage is full, google drive is fine').intent).toBe('storage_full');
  });

  it('keeps intents that are not problems (commands, small talk)', () => {
    expect(gated.classify('hello android').intent).toBe('greeting');
  });

  it('reads a message of several sentences by its clearest problem sentence when the whole is unclear', () => {
    const story = 'Hello there, I hope you are well today. I have been trying to sort this out for a long time now, it is a real pain and I do not know what else to do. The wifi keeps dropping.';
    expect(gated.classify(story)).toMatchObject({ intent: 'wifi_problem' });
    // Only problems: a greeting or a goodbye in one sentence does not decide a message that is neither.
    expect(gated.classify('The weather is nice. See you later.').intent).toBe('unknown');
    expect(gated.classify('Good morning. I was on holiday last week and came back to find things broken.').intent).toBe('unknown');
  });

  it('answers an `apart` value that names an intent as that intent, even beside our own words', () => {
    const withJob = {
      ...scoped,
      hash: 'job-hash',
      intents: [...scoped.intents, { name: 'restore_help_intent', label: 'Restore', examples: ['how do i get my things back'], source: { file: 'knowledge/test.yaml', line: 1 } }],
      entities: [...scoped.entities, { name: 'other_job', scope: 'apart' as const, values: { restore_help_intent: ['restore from the backup'] } }],
    } as unknown as ReturnType<typeof tinyKnowledge>;
    const c = trainUnderstander(withJob).classify('my iphone storage is full and i want to restore from the backup');
    expect(c).toMatchObject({ intent: 'restore_help_intent' });
    expect(c.outside).toBeUndefined();
  });

  it('marks nothing when no entity has a scope', () => {
    expect(understander.classify('my google drive storage is full').outside).toBeUndefined();
  });
});
