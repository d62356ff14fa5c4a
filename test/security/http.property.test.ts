// Property: whatever activity-shaped JSON reaches POST /api/messages, our code never answers 5xx, always answers
// JSON (or nothing), never HTML or a stack trace. Bounded runs, a scripted engine, one bot for the whole property.
import fc from 'fast-check';
import { createFakeBrain } from '../support/fake-engine';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';

let sink: ServiceUrlSink;
let bot: RunningBot;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  bot = await startBot({ brain: createFakeBrain(), env: { CONVERSATION_RATE_LIMIT_PER_MINUTE: '0' } });
});

afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await sink.close();
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const junk = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(null));

/** Mostly plausible activities with any field swapped for junk, plus plain junk bodies. */
const activity = fc.oneof(
  { weight: 4, arbitrary: fc.record({
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'typing', 'invoke', 'endOfConversation'), junk),
    id: maybe(fc.oneof(fc.uuid(), junk)),
    channelId: fc.oneof(fc.constantFrom('emulator', 'msteams', 'webchat', 'slack'), junk),
    conversation: fc.oneof(fc.record({ id: fc.oneof(fc.uuid(), junk) }), junk),
    from: maybe(fc.oneof(fc.record({ id: fc.string(), name: maybe(junk) }), junk)),
    recipient: maybe(fc.oneof(fc.record({ id: fc.string() }), junk)),
    text: maybe(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), junk)),
    value: maybe(fc.oneof(fc.record({ action: junk, stepId: maybe(junk) }), junk)),
    name: maybe(fc.oneof(fc.constant('handoff.status'), junk)),
    locale: maybe(fc.oneof(fc.constantFrom('en-US', 'ar'), junk)),
    attachments: maybe(junk),
    channelData: maybe(junk),
    entities: maybe(junk),
    membersAdded: maybe(fc.oneof(fc.array(fc.record({ id: fc.string() }), { maxLength: 3 }), junk)),
  }, { requiredKeys: ['type', 'channelId', 'conversation'] }) },
  { weight: 1, arbitrary: junk },
);

describe('POST /api/messages under random activities', () => {
  it('never answers 5xx, HTML or a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(activity, async (body) => {
        const withUrl = typeof body === 'object' && body !== null && !Array.isArray(body) ? { serviceUrl: sink.url, ...body } : body;
        const answer = await bot.post(JSON.stringify(withUrl) ?? 'undefined');
        if (answer.status >= 500) throw new Error(`${answer.status} ${answer.text.slice(0, 300)}`);
        expect(answer.text).not.toMatch(/<html|<pre>|\n\s+at /i);
        if (answer.text) expect(answer.contentType).toMatch(/application\/json/);
      }),
      { numRuns: 200 },
    );
  });
});
