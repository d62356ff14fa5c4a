// The chat page and its files: CSP with a per-response nonce, nothing from another origin, caching, the embed
// launcher, and the Azure Direct Line token exchange (the secret never reaches the browser).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { createAzureTokenSource, createSelfHostedTokenSource, type WebChatTokenSource } from '../../bot/directline/token-source';
import { createWebRouter } from '../../bot/routes/web';
import { loadWebAssets } from '../../bot/web/assets';

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const assets = loadWebAssets();
const selfHosted = createSelfHostedTokenSource(async () => ({ conversationId: 'dl_c', token: 't', expiresIn: 3600, userId: 'dl_u' }));
async function startWeb(tokens: WebChatTokenSource = selfHosted, embedOrigins: string[] = []) {
  const app = express();
  app.use(createWebRouter({ assets, tokens, title: 'Help <desk>', embedOrigins, logger: pino({ level: 'silent' }) }));
  return listen(app);
}
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

describe('the chat page', () => {
  let url: string;
  beforeAll(async () => {
    const started = await startWeb();
    servers.push(started.server);
    url = started.url;
  });

  it('has a strict CSP whose nonce is on its scripts, changes per response and is never cached', async () => {
    const [one, two] = await Promise.all([fetch(`${url}/`), fetch(`${url}/`)]);
    const csp = one.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(csp).toContain(`style-src 'self' 'nonce-${nonce}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\//);
    expect(two.headers.get('content-security-policy')).not.toContain(nonce);
    expect(one.headers.get('cache-control')).toBe('no-store');
    const html = await one.text();
    expect(html.match(/<script [^>]*>/g)).toEqual([
      `<script src="/static/webchat-${assets.webchatVersion}.js" nonce="${nonce}">`,
      // The nonce is base64 (`+`, `/`): escaped before it goes into a pattern.
      expect.stringMatching(new RegExp(`^<script src="/static/chat\\.js\\?v=[\\w-]+" nonce="${String(nonce).replace(/[+/=]/g, '\\$&')}">$`)),
    ]);
    expect(html).toContain('<h1 class="chat-header__title">Help &lt;desk&gt;</h1>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('may be framed by any site as ?embed=1, or only by CORS_ORIGINS when set', async () => {
    const open = await fetch(`${url}/?embed=1`);
    expect(open.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(open.headers.get('x-frame-options')).toBeNull();
    const limited = await startWeb(selfHosted, ['https://shop.example']);
    servers.push(limited.server);
    const page = await fetch(`${limited.url}/?embed=1`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors https://shop.example');
  });

  it('serves Web Chat from node_modules for a year, chat.js by content hash, and embed.js to any site', async () => {
    const webchat = await fetch(`${url}/static/webchat-${assets.webchatVersion}.js`);
    expect([webchat.status, webchat.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect(Number(webchat.headers.get('content-length'))).toBeGreaterThan(1_000_000);
    const chat = await fetch(`${url}/static/chat.js?v=${assets.hashOf('chat.js')}`);
    expect([chat.status, chat.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    const embed = await fetch(`${url}/embed.js`);
    expect(embed.headers.get('content-type')).toMatch(/javascript/);
    expect(embed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('hands the page a self-hosted token', async () => {
    const answer = await fetch(`${url}/webchat/token`, { method: 'POST' });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({ conversationId: 'dl_c', token: 't', expiresIn: 3600, userId: 'dl_u' });
  });
});

describe('the Azure Direct Line token exchange', () => {
  it('sends the secret to Direct Line only, and gives the page a conversation token and the domain', async () => {
    const seen: { auth?: string; body?: unknown }[] = [];
    const fake = express();
    fake.post('/v3/directline/tokens/generate', express.json(), (req, res) => {
      seen.push({ auth: req.get('authorization'), body: req.body });
      res.json({ conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 });
    });
    const azure = await listen(fake);
    servers.push(azure.server);
    const tokens = createAzureTokenSource({ secret: 'the-secret', baseUrl: `${azure.url}/v3/directline` });
    const web = await startWeb(tokens);
    servers.push(web.server);
    const answer = await fetch(`${web.url}/webchat/token`, { method: 'POST' });
    const text = await answer.text();
    expect(text).not.toContain('the-secret');
    expect(JSON.parse(text)).toEqual({ token: 'azure-token', conversationId: 'azure-conv', expiresIn: 3600, domain: `${azure.url}/v3/directline`, userId: expect.stringMatching(/^dl_/) });
    expect(seen).toEqual([{ auth: 'Bearer the-secret', body: { user: { id: expect.stringMatching(/^dl_/) } } }]);
    const page = await fetch(`${web.url}/`);
    expect(page.headers.get('content-security-policy')).toContain(`connect-src 'self' ${azure.url} ${azure.url.replace('http', 'ws')}`);
    azure.server.close();
    const down = await fetch(`${web.url}/webchat/token`, { method: 'POST' });
    expect(down.status).toBe(503);
  });
});
