// POST /api/messages with Bot Framework credentials and no way to reach Microsoft's OpenID metadata: a forged or
// garbage token is refused with a JSON 401 (never a 500, never a stack), and a metadata endpoint that never answers
// cannot hang the request (the check is bounded).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';
import { createSilentLogger } from '../../bot/logger';
import { jsonErrorHandler } from '../../bot/routes/http-error';
import { createMessagesRouter } from '../../bot/routes/messages';
import { withBoundedVerification } from '../../bot/security/bounded-auth';
import { createFakeBrain } from '../support/fake-engine';
import { answer, removeDataDir, startBot, type HttpAnswer, type RunningBot } from '../support/start-bot';

const APP_ID = 'test-app-id';
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A well-formed JWT with a trusted issuer and a made-up signature: botbuilder must fetch keys to refuse it. */
function forgedJwt(issuer: string, extra: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: issuer, aud: APP_ID, nbf: now - 60, exp: now + 3600, serviceurl: 'http://127.0.0.1:9/', ...extra };
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' })}.${b64(payload)}.${Buffer.from('not a signature').toString('base64url')}`;
}

const activity = { type: 'message', channelId: 'emulator', conversation: { id: 'c-auth' }, serviceUrl: 'http://127.0.0.1:9', text: 'hi', from: { id: 'u' } };

function expectRefused(reply: HttpAnswer): void {
  expect(reply.status).toBe(401);
  expect(reply.contentType).toMatch(/application\/json/);
  expect(reply.json).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  expect(reply.text).not.toMatch(/\bat\s+\S+\s+\(|stack|node_modules|ENOTFOUND|fetch/i);
}

describe('POST /api/messages with credentials, offline', () => {
  let bot: RunningBot;
  const engine = createFakeBrain();

  beforeAll(async () => {
    bot = await startBot({ brain: engine, env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' } });
  });
  afterAll(async () => {
    await bot.stop();
    await removeDataDir(bot.dataDir);
  });

  it.each([
    ['no Authorization header', {}],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a garbage bearer', { authorization: 'Bearer not-a-jwt' }],
    ['a forged channel token (api.botframework.com)', { authorization: `Bearer ${forgedJwt('https://api.botframework.com')}` }],
    ['a forged Emulator token (Entra v1 issuer)', { authorization: `Bearer ${forgedJwt('https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/', { appid: APP_ID, ver: '1.0' })}` }],
    ['a forged Entra v2 token', { authorization: `Bearer ${forgedJwt('https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0', { azp: APP_ID, ver: '2.0' })}` }],
    ['another scheme', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
  ])('refuses %s with a JSON 401 and runs no turn', async (_name, headers: Record<string, string>) => {
    const before = engine.engine.inputs.length;
    expectRefused(await bot.post(activity, headers));
    expect(engine.engine.inputs.length).toBe(before);
  }, 20_000);
});

describe('bounded token check', () => {
  let metadata: Server;
  let held: ServerResponse[] = [];
  let app: Server;
  let base: string;

  beforeAll(async () => {
    // A metadata endpoint that accepts the connection and never answers: a black-holed route.
    metadata = createServer((_req, res) => void held.push(res));
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const hanging = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/.well-known/openidconfiguration`;
    const logger = createSilentLogger();
    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      ToBotFromChannelOpenIdMetadataUrl: hanging,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToBotFromEmulatorOpenIdMetadataUrl: hanging,
    });
    const adapter = new CloudAdapter(withBoundedVerification(auth, { timeoutMs: 300, logger }));
    const server = express();
    server.use(createMessagesRouter({ adapter, botLogic: async () => { throw new Error('no turn may run'); }, logger }));
    server.use(jsonErrorHandler(logger));
    app = server.listen(0, '127.0.0.1');
    await new Promise((resolve) => app.once('listening', resolve));
    base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    held.forEach((res) => res.destroy());
    held = [];
    metadata.closeAllConnections();
    await new Promise((resolve) => metadata.close(resolve));
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
  });

  it('answers 401 when the metadata endpoint never answers', async () => {
    const reply = await answer(await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forgedJwt('https://api.botframework.com')}` },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(10_000),
    }));
    expectRefused(reply);
    expect(held.length).toBeGreaterThan(0); // it really was waiting on the metadata fetch
  });

  it('still answers 401 at once for a missing token', async () => {
    const reply = await answer(await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(10_000),
    }));
    expectRefused(reply);
  });
});
