// Junk in, a clear 4xx out (never a 5xx or an HTML page); polling never fails for a valid token, even with storage down.
import fc from 'fast-check';
import { createClient } from './dl-client';
import { startDirectLine, type DirectLineHarness } from './harness';

let dl: DirectLineHarness;
let client: ReturnType<typeof createClient>;
let conv: { conversationId: string; token: string };
beforeAll(async () => {
  dl = await startDirectLine();
  client = createClient(dl.base);
  conv = (await client.start()).body;
});
afterAll(() => dl.close());

describe('Direct Line with bad input', () => {
  it.each([
    ['malformed JSON', '{"type": "message", '],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
    ['no type', '{"text":"hi"}'],
    ['a type we do not take', '{"type":"conversationUpdate","membersAdded":[{"id":"x"}]}'],
    ['a numeric type', '{"type":42}'],
    ['a body over 256 KB', JSON.stringify({ type: 'message', text: 'x'.repeat(300_000) })],
  ])('answers %s with a JSON 4xx', async (_name, raw) => {
    const answer = await client.call('POST', `/conversations/${conv.conversationId}/activities`, { token: conv.token, raw });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers.get('content-type')).toMatch(/json/);
  });

  it('drops fields of the wrong type instead of failing, and never trusts the posted sender id', async () => {
    const posted = await client.post(conv.conversationId, conv.token, {
      type: 'message', text: 12, locale: '<script>', channelData: 'x', entities: 'y', from: { id: 'admin', role: 'bot' }, value: { action: 'yes' },
    });
    expect(posted.status).toBe(200);
    const { body } = await client.get(conv.conversationId, conv.token);
    const stored = body.activities.find((a) => a.id === posted.body.id);
    expect(stored).toMatchObject({ type: 'message', value: { action: 'yes' }, from: { role: 'user' } });
    expect(stored?.from?.id).not.toBe('admin');
    expect(stored).not.toHaveProperty('text');
    expect(stored).not.toHaveProperty('locale');
  });

  it('answers unknown Direct Line paths with a JSON 404', async () => {
    const answer = await client.call('GET', '/nothing/here');
    expect([answer.status, answer.body]).toEqual([404, { error: { code: 'NotFound', message: expect.any(String) } }]);
  });

  it('never answers a random activity shape with a 5xx', async () => {
    const shape = fc.record(
      { type: fc.oneof(fc.constantFrom('message', 'event', 'typing', 'invoke'), fc.anything()), text: fc.anything(), value: fc.anything(),
        channelData: fc.anything(), from: fc.anything(), locale: fc.anything(), entities: fc.anything(), name: fc.anything() },
      { requiredKeys: [] },
    );
    await fc.assert(fc.asyncProperty(shape, async (activity) => {
      const answer = await client.post(conv.conversationId, conv.token, activity);
      return answer.status < 500;
    }), { numRuns: 40 });
  });

  it('answers a poll with "nothing new" while storage is down, so Web Chat keeps polling', async () => {
    const before = await client.get(conv.conversationId, conv.token);
    dl.store.simulateOutage(true);
    try {
      const during = await client.get(conv.conversationId, conv.token, before.body.watermark);
      expect([during.status, during.body]).toEqual([200, { activities: [], watermark: before.body.watermark }]);
      const post = await client.post(conv.conversationId, conv.token, { type: 'message', text: 'while down' });
      expect(post.status).toBe(503);
    } finally {
      dl.store.simulateOutage(false);
    }
    expect((await client.post(conv.conversationId, conv.token, { type: 'message', text: 'back' })).status).toBe(200);
  });
});
