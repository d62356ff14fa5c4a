// The WebSocket stream: live frames, keep-alive, refusals, two instances sharing one store, proactive delivery.
import WebSocket from 'ws';
import { createMemoryStore } from '../../bot/storage';
import { createClient, openStream, waitFor } from './dl-client';
import { startDirectLine, type DirectLineHarness } from './harness';

let a: DirectLineHarness;
let b: DirectLineHarness;
beforeAll(async () => {
  const store = createMemoryStore(); // two instances, one store: like two processes on one Redis
  [a, b] = await Promise.all([startDirectLine({ store, config: { keepAliveMs: 100 } }), startDirectLine({ store })]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

const refusal = (url: string): Promise<number> =>
  new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
    ws.on('error', () => undefined);
  });

describe('Direct Line stream', () => {
  it('streams the echo and the reply as {activities, watermark} frames, and empty keep-alive frames', async () => {
    const client = createClient(a.base);
    const { body: conv } = await client.start();
    const stream = await openStream(conv.streamUrl);
    await stream.waitForActivity((x) => x.text === 'welcome', 'the welcome');
    await client.post(conv.conversationId, conv.token, { type: 'message', text: 'live', channelData: { clientActivityID: 'c-1' } });
    await stream.waitForActivity((x) => x.text === 'echo: live', 'the live reply');
    expect(stream.activities().map((x) => x.text)).toEqual(['welcome', 'live', 'echo: live']);
    expect(stream.activities()[1].channelData).toEqual({ clientActivityID: 'c-1' });
    expect(stream.frames[stream.frames.length - 1].watermark).toBe('3');
    await waitFor(() => stream.emptyFrames() >= 1, 'a keep-alive frame');
    stream.close();
  });

  it('refuses a stream without a valid token for that conversation', async () => {
    const client = createClient(a.base);
    const [{ body: one }, { body: two }] = await Promise.all([client.start(), client.start()]);
    const foreign = new URL(one.streamUrl);
    foreign.pathname = foreign.pathname.replace(one.conversationId, two.conversationId);
    const unsigned = new URL(one.streamUrl);
    unsigned.searchParams.set('t', 'nope');
    const api = new URL(one.streamUrl);
    api.searchParams.set('t', one.token); // an API token is not a stream token
    expect(await Promise.all([refusal(foreign.toString()), refusal(unsigned.toString()), refusal(api.toString())])).toEqual([403, 401, 401]);
  });

  it('delivers to a client streaming from one instance what was posted to the other', async () => {
    const { body: conv } = await createClient(a.base).start();
    const stream = await openStream(conv.streamUrl); // on instance a
    await createClient(b.base).post(conv.conversationId, conv.token, { type: 'message', text: 'via b' }); // instance b
    await stream.waitForActivity((x) => x.text === 'echo: via b', 'the reply made on the other instance');
    stream.close();
  });

  it('lets a dropped client catch up from its watermark on any instance', async () => {
    const client = createClient(a.base);
    const { body: conv } = await client.start();
    const first = await openStream(conv.streamUrl);
    await first.waitForActivity((x) => x.text === 'welcome', 'the welcome');
    a.directLine.disconnectStreams();
    await client.post(conv.conversationId, conv.token, { type: 'message', text: 'while away' });
    const watermark = first.frames[first.frames.length - 1].watermark;
    const resumed = await createClient(b.base).call<{ streamUrl: string }>('GET', `/conversations/${conv.conversationId}?watermark=${watermark}`, { token: conv.token });
    const second = await openStream(resumed.body.streamUrl);
    await second.waitForActivity((x) => x.text === 'echo: while away', 'the missed reply');
    expect(second.activities().map((x) => x.text)).toEqual(['while away', 'echo: while away']);
    second.close();
  });

  it('appends proactive replies (agent relay) rendered for Web Chat, and streams them', async () => {
    const { body: conv } = await createClient(a.base).start();
    const stream = await openStream(conv.streamUrl);
    await b.directLine.delivery.send(
      { channel: 'webchat', conversationKey: `webchat:${conv.conversationId}`, reference: { conversation: { id: conv.conversationId } } },
      [{ kind: 'text', text: 'Hi, this is Sam from the help desk.' }],
    );
    const relayed = await stream.waitForActivity((x) => x.text === 'Hi, this is Sam from the help desk.', 'the relayed message');
    expect(relayed).toMatchObject({ type: 'message', from: { id: 'bot', role: 'bot' }, id: expect.stringContaining(conv.conversationId) });
    await expect(b.directLine.delivery.send({ channel: 'webchat', conversationKey: 'webchat:nope', reference: {} }, [{ kind: 'text', text: 'x' }])).rejects.toThrow(/no Direct Line conversation/);
    stream.close();
  });
});
