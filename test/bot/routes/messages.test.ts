// POST /api/messages in front of the adapter: bodies checked first, the adapter's own answers rewritten as JSON.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { CloudAdapter } from 'botbuilder';
import { createSilentLogger } from '../../../bot/logger';
import { activityProblem, createMessagesRouter } from '../../../bot/routes/messages';
import { jsonErrorHandler } from '../../../bot/routes/http-error';

type Shim = { status(n: number): Shim; send(b: unknown): Shim; end(): Shim };
let answerWith: (res: Shim) => void = (res) => void res.status(200).end();
const fakeAdapter = { process: async (_req: unknown, res: Shim) => answerWith(res) } as unknown as CloudAdapter;

let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.use(createMessagesRouter({ adapter: fakeAdapter, botLogic: async () => undefined, logger: createSilentLogger() }));
  app.use(jsonErrorHandler(createSilentLogger()));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const activity = { type: 'message', channelId: 'emulator', conversation: { id: 'c' }, serviceUrl: 'http://127.0.0.1:9', text: 'hi' };
const post = async (body: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('createMessagesRouter', () => {
  it.each([
    [401, 'Unauthorized. No valid identity.', 401, 'unauthorized'],
    [500, 'request to https://login.botframework.com/v1/.well-known/openidconfiguration failed', 500, 'internal_error'],
    [501, undefined, 501, 'not_implemented'],
  ])('rewrites the adapter answering %s as JSON without its internal detail', async (status, body, expected, code) => {
    answerWith = (res) => void res.status(status).send(body).end();
    const answer = await post(activity);
    expect(answer.status).toBe(expected);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text).error.code).toBe(code);
    expect(answer.text).not.toContain('botframework.com');
  });

  it('passes through an expectReplies body as JSON', async () => {
    answerWith = (res) => void res.status(200).send({ activities: [{ type: 'message', text: 'hi' }] }).end();
    const answer = await post({ ...activity, deliveryMode: 'expectReplies', serviceUrl: undefined });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ activities: [{ type: 'message', text: 'hi' }] });
  });
});

describe('activityProblem', () => {
  it.each([
    [null, /JSON activity object/],
    ['text', /JSON activity object/],
    [{ ...activity, type: 3 }, /type/],
    [{ ...activity, type: ' ' }, /type/],
    [{ ...activity, channelId: undefined }, /channelId/],
    [{ ...activity, conversation: 'c' }, /conversation/],
    [{ ...activity, serviceUrl: 'javascript:alert(1)' }, /serviceUrl/],
  ])('refuses %j', (body, problem) => {
    expect(activityProblem(body)).toMatch(problem);
  });

  it('accepts a complete activity', () => {
    expect(activityProblem(activity)).toBeUndefined();
  });
});
