// POST /api/messages in front of the adapter: bodies checked first, the adapter's own answers rewritten as JSON.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { CloudAdapter, InvokeResponse } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { createSilentLogger } from '../../../bot/logger';
import { activityProblem, createMessagesRouter } from '../../../bot/routes/messages';
import { jsonErrorHandler } from '../../../bot/routes/http-error';

/** What the adapter's processActivity does this time: an invoke response (or none), or a failure. */
let answerWith: () => Promise<InvokeResponse | undefined> = async () => undefined;
const fakeAdapter = { processActivity: () => answerWith() } as unknown as CloudAdapter;

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
    ['401', () => Promise.reject(new AuthenticationError('Unauthorized. No valid identity.', 401)), 401, 'unauthorized'],
    ['500', () => Promise.reject(new Error('request to https://login.botframework.com/v1/.well-known/openidconfiguration failed')), 500, 'internal_error'],
    ['501', async () => ({ status: 501 }), 501, 'not_implemented'],
  ])('rewrites the adapter answering %s as JSON without its internal detail', async (_status, adapterDoes, expected, code) => {
    answerWith = adapterDoes;
    const answer = await post(activity);
    expect(answer.status).toBe(expected);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.text).error.code).toBe(code);
    expect(answer.text).not.toContain('botframework.com');
  });

  it('answers 200 without a body when the turn returns nothing', async () => {
    answerWith = async () => undefined;
    expect(await post(activity)).toMatchObject({ status: 200, text: '' });
  });

  it('passes through an expectReplies body as JSON', async () => {
    answerWith = async () => ({ status: 200, body: { activities: [{ type: 'message', text: 'hi' }] } });
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
