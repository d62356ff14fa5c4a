// The lean Connector API calls against botbuilder's own client, on the wire: for Emulator, Teams and Direct Line
// shaped activities (and random ones), with and without credentials, both must send the same request (URL, headers
// that matter, JSON body) and give the same answer or the same error.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { ConfigurationBotFrameworkAuthentication, EventFactory, TurnContext, type Activity } from 'botbuilder';
import { ClaimsIdentity, ConnectorClient, MicrosoftAppCredentials, ServiceClientCredentialsFactory } from 'botframework-connector';
import { operationUrl, proxyConfigured, withLeanConnector } from '../../../bot/connector/lean-connector';

interface Recorded {
  readonly method?: string;
  readonly url?: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: unknown;
}

interface Answer {
  readonly status: number;
  readonly body?: string;
  readonly headers?: Record<string, string>;
}

/** A channel's serviceUrl that records every request and answers from a script (then 200 {"id":"sent-N"}). */
async function startRecorder() {
  const requests: Recorded[] = [];
  let script: Answer[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: text ? JSON.parse(text) : undefined });
      const answer = script.shift() ?? { status: 200, body: '{"id":"sent-1"}' };
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (...answers: Answer[]) => void (script = answers),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

let recorder: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (recorder = await startRecorder()));
afterAll(() => recorder.close());

/** Credentials that sign like a real app's (a bearer token for their audience) without asking Entra for one. */
class StubCredentials extends MicrosoftAppCredentials {
  override async getToken(): Promise<string> {
    return `token-for-${this.oAuthScope}`;
  }
}

/** botbuilder's own credentials factory contract, handing out the stub (or no credentials, like the Emulator). */
class StubCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly auth: boolean) {
    super();
  }
  async isValidAppId(): Promise<boolean> {
    return true;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return !this.auth;
  }
  async createCredentials(appId: string, audience: string | undefined) {
    return this.auth ? new StubCredentials(appId, 'secret', undefined, audience) : MicrosoftAppCredentials.Empty;
  }
}

/** The client CloudAdapter would use (its connector factory, with its extra policies), bare and lean. */
async function clients(serviceUrl: string, auth: boolean) {
  const bfAuth = new ConfigurationBotFrameworkAuthentication(auth ? { MicrosoftAppId: 'app-id' } : {}, new StubCredentialsFactory(auth));
  const identity = new ClaimsIdentity(auth ? [{ type: 'aud', value: 'app-id' }, { type: 'appid', value: 'app-id' }, { type: 'ver', value: '1.0' }] : [], true);
  const create = () => bfAuth.createConnectorFactory(identity).create(serviceUrl, 'https://api.botframework.com');
  return { original: await create(), lean: withLeanConnector(await create()) };
}

type Call = (client: ConnectorClient) => Promise<unknown>;

/** What a call did: the request as the channel saw it, and what the caller got back (or the error's fields). */
async function observe(client: ConnectorClient, call: Call) {
  const from = recorder.requests.length;
  let outcome: unknown;
  try {
    outcome = { result: JSON.parse(JSON.stringify(await call(client))) };
  } catch (err) {
    const e = err as { name?: string; statusCode?: number; code?: string; message?: string };
    outcome = { error: { name: e.name, statusCode: e.statusCode, code: e.code, message: e.message } };
  }
  const requests = recorder.requests.slice(from).map((r) => ({
    method: r.method, url: r.url, body: r.body,
    headers: Object.fromEntries(['content-type', 'accept', 'authorization', 'x-ms-conversation-id'].map((h) => [h, r.headers[h]])),
  }));
  return { requests, outcome };
}

/** Both clients make the call against the same script of answers; their observations must be equal. */
async function expectSame(call: Call, options: { serviceUrl?: string; auth?: boolean; answers?: Answer[] } = {}) {
  const { original, lean } = await clients(options.serviceUrl ?? `${recorder.url}/amer/`, options.auth ?? false);
  recorder.answer(...(options.answers ?? []));
  const expected = await observe(original, call);
  recorder.answer(...(options.answers ?? []));
  const actual = await observe(lean, call);
  expect(actual).toEqual(expected);
  return actual;
}

/** Activities as channels send them: partial, so typed loosely. */
type Wire = Record<string, unknown> & Partial<Pick<Activity, 'replyToId'>> & { conversation?: { id?: string } & Record<string, unknown> };
const reply = (activity: Wire): Call => (c) => c.conversations.replyToActivity(String(activity.conversation?.id), String(activity.replyToId), activity as unknown as Activity);
const send = (activity: Wire): Call => (c) => c.conversations.sendToConversation(String(activity.conversation?.id), activity as unknown as Activity);

const emulatorReply: Wire = {
  type: 'message', text: '**Step 2**\n\nTry this.\n\n1. Yes\n2. No', textFormat: 'markdown', locale: 'en-US', channelId: 'emulator',
  serviceUrl: 'http://localhost:3978', timestamp: new Date('2026-12-07T10:00:00Z'), from: { id: 'bot', name: 'Bot', role: 'bot' },
  recipient: { id: 'user-1', name: 'User', role: 'user' }, conversation: { id: 'conv-1|livechat' }, replyToId: 'act-1',
  suggestedActions: { to: [], actions: [{ type: 'messageBack', title: 'Yes', text: 'Yes', displayText: 'Yes', value: { action: 'yes', stepId: 's2' } }] },
};

const teamsReply: Wire = {
  type: 'message', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', locale: 'en-GB',
  from: { id: '28:0b9f3a52-7c1e-4a8e-9d51-2f6c0e8b7a11', name: 'Backup Helper' },
  recipient: { id: '29:1abc', name: 'Grace', aadObjectId: '6f1c0b9e-0000-4000-8000-000000000001' },
  conversation: { id: '19:abc@thread.tacv2;messageid=1712345678901', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
  replyToId: '1712345678901',
  entities: [{ type: 'mention', text: '<at>Grace</at>', mentioned: { id: '29:1abc', name: 'Grace' } }],
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'Hi', wrap: true }], actions: [{ type: 'Action.Submit', title: 'Yes', data: { action: 'yes', msteams: { type: 'messageBack', text: 'Yes' } } }] } }],
  channelData: { tenant: { id: 'tenant-1' }, notification: { alert: true } },
};

const directLineReply: Wire = {
  type: 'message', channelId: 'directline', serviceUrl: 'https://directline.botframework.com/', text: 'Hello', inputHint: 'acceptingInput',
  from: { id: 'bot' }, recipient: { id: 'dl_user' }, conversation: { id: 'Abc123-eu' }, replyToId: 'Abc123-eu|0000001',
  attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Pick one', buttons: [{ type: 'imBack', title: 'A', value: 'a' }] } }],
};

describe('lean Connector API calls', () => {
  it.each([
    ['an Emulator reply with suggested actions', emulatorReply],
    ['a Teams channel reply with a card and a mention', teamsReply],
    ['a Direct Line reply with a hero card', directLineReply],
  ])('send %s exactly as botbuilder does, with and without credentials', async (_name, activity) => {
    for (const auth of [false, true]) {
      const { requests } = await expectSame(reply(activity), { auth });
      expect(requests).toHaveLength(1);
      expect(requests[0].headers.authorization).toBe(auth ? 'Bearer token-for-https://api.botframework.com' : undefined);
      await expectSame(send({ ...activity, replyToId: undefined }), { auth });
    }
  });

  it('sends a handoff.initiate event with its transcript as botbuilder does', async () => {
    const context = new TurnContext({} as never, { ...emulatorReply, type: 'event', name: 'ContinueConversation' } as unknown as Activity);
    const transcript = { activities: Array.from({ length: 50 }, (_, i) => ({ type: 'message', text: `line ${i}`, timestamp: new Date(0).toISOString(), from: { id: 'u', role: 'user' } }) as unknown as Activity) };
    const event = EventFactory.createHandoffInitiation(context, { reason: 'user_asked', user: { id: 'u', name: 'Grace' } }, transcript);
    await expectSame(send({ ...(event as unknown as Wire), conversation: emulatorReply.conversation }));
  });

  it('drops what the Connector API model does not declare, keeps nulls, refuses mistyped fields like botbuilder', async () => {
    const odd = { ...emulatorReply, extra: 1, from: { id: 'bot', secret: 'x' }, text: null, value: undefined, localTimestamp: '2026-12-07T11:00:00+01:00' } as Wire;
    const { requests } = await expectSame(reply(odd));
    expect(requests[0].body).toMatchObject({ text: null, from: { id: 'bot' } });
    const { outcome, requests: none } = await expectSame(reply({ ...emulatorReply, locale: 5 } as Wire));
    expect(outcome).toMatchObject({ error: { message: expect.stringMatching(/locale.*must be of type string/) } });
    expect(none).toHaveLength(0);
  });

  it.each([
    ['a refusal with an error body', { status: 403, body: '{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}' }],
    ['a 404 without a body', { status: 404, body: '' }],
    ['an answer that is not JSON', { status: 400, body: 'Bad Request' }],
    ['204 No Content (not a success for this operation)', { status: 204 }],
    ['201 with an id', { status: 201, body: '{"id":"x-1"}' }],
  ])('answers %s as botbuilder does', async (_name, answer) => {
    await expectSame(reply(emulatorReply), { answers: [answer] });
  });

  it('retries a throttled call after the wait the channel asks for, as botbuilder does', async () => {
    const throttled = { status: 429, body: '{"error":{"code":"Throttled","message":"slow down"}}', headers: { 'retry-after': '0' } };
    const { requests } = await expectSame(reply(emulatorReply), { answers: [throttled, { status: 503, headers: { 'retry-after-ms': '1' } }] });
    expect(requests).toHaveLength(3);
    const exhausted = await expectSame(reply(emulatorReply), { answers: Array.from({ length: 5 }, () => throttled) });
    expect(exhausted.requests).toHaveLength(4);
    expect(exhausted.outcome).toMatchObject({ error: { statusCode: 429, code: 'Throttled' } });
  });

  it.each([['.'], ['..'], ['a b/c?d#e'], ['%2E']])('sends to the same path as botbuilder for the activity id %j', async (replyToId) => {
    await expectSame(reply({ ...emulatorReply, replyToId }));
  });

  it('joins the serviceUrl and the operation path as botbuilder does', async () => {
    for (const serviceUrl of [`${recorder.url}`, `${recorder.url}/`, `${recorder.url}/emea`, `${recorder.url}/a/b/?tenant=1`]) {
      const { requests } = await expectSame(reply(teamsReply), { serviceUrl });
      expect(requests[0].url).toBe(operationUrl(serviceUrl, String(teamsReply.conversation?.id), String(teamsReply.replyToId)).pathname + operationUrl(serviceUrl, 'x').search);
    }
  });

  it('sends any activity the way botbuilder does (property test)', async () => {
    const text = fc.oneof(fc.string(), fc.constant(undefined), fc.constant(null));
    const account = fc.record({ id: fc.string(), name: text, role: fc.constantFrom('bot', 'user', undefined), other: fc.jsonValue() }, { requiredKeys: ['id'] });
    const activity = fc.record({
      type: fc.constantFrom('message', 'event', 'typing'), text, speak: text, locale: fc.constantFrom('en-US', undefined), name: text,
      from: account, recipient: account, conversation: fc.record({ id: fc.string({ minLength: 1 }), tenantId: text, isGroup: fc.boolean() }),
      value: fc.jsonValue(), channelData: fc.jsonValue(), unknownField: fc.jsonValue(),
      entities: fc.array(fc.record({ type: fc.string(), extra: fc.jsonValue() }), { maxLength: 3 }),
      attachments: fc.array(fc.record({ contentType: fc.string(), content: fc.jsonValue(), name: text }), { maxLength: 2 }),
      suggestedActions: fc.record({ to: fc.array(fc.string(), { maxLength: 2 }), actions: fc.array(fc.record({ type: fc.string(), title: fc.string(), value: fc.jsonValue() }), { maxLength: 3 }) }),
      timestamp: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
    }, { requiredKeys: ['type', 'conversation'] });
    await fc.assert(fc.asyncProperty(activity, fc.string({ minLength: 1 }), async (a, replyToId) => {
      await expectSame(reply({ ...a, replyToId } as Wire));
    }), { numRuns: 100 });
  });

  it('leaves the original client alone where only it can reach the channel (a proxy, a non-HTTP serviceUrl)', () => {
    expect(proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' })).toBe(true);
    expect(proxyConfigured({ no_proxy: 'localhost' })).toBe(false);
    const named = new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: 'urn:botframework:namedpipe:x' });
    expect(withLeanConnector(named)).toBe(named);
  });

  it('keeps every other call, and the credentials, of the original client', async () => {
    const { original } = await clients(`${recorder.url}/`, true);
    const lean = withLeanConnector(original);
    expect(lean.credentials).toBe(original.credentials);
    expect(lean.conversations.getConversationMembers).toBe(original.conversations.getConversationMembers);
    expect(lean).toBeInstanceOf(ConnectorClient);
  });
});
