// The chat page in the user's language: ?locale= (from embed.js data-locale) or the browser's Accept-Language picks
// the page's words from knowledge and the locale Web Chat and the conversation start with; embed.js carries the
// launcher's words per language.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import type { Knowledge } from '../../dialogs';
import { createSelfHostedTokenSource } from '../../bot/directline/token-source';
import { createWebRouter } from '../../bot/routes/web';
import { loadWebAssets } from '../../bot/web/assets';
import { webLanguages } from '../../bot/web/page-words';

const bare: Knowledge = { replies: {}, intents: [], outOfScope: [], entities: [], flows: [], contacts: [], hash: 'x' };
const en: Knowledge = { ...bare, language: { code: 'en', spoken: true, stemmer: 'en', switch: [], page: { title: 'Backup help', launcher: 'Open the chat', close: 'Close chat' } } };
const es: Knowledge = { ...bare, language: { code: 'es', spoken: true, stemmer: 'es', switch: [], page: { title: 'Ayuda con copias', launcher: 'Abrir el chat', close: 'Cerrar el chat' } } };
const fr: Knowledge = { ...bare, language: { code: 'fr', spoken: false, stemmer: 'fr', switch: [] } };

let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  const tokens = createSelfHostedTokenSource(async () => ({ conversationId: 'c', token: 't', expiresIn: 3600, userId: 'u' }));
  app.use(createWebRouter({ assets: loadWebAssets(), tokens, title: 'Support', languages: webLanguages(en, { es, fr }), embedOrigins: [], logger: pino({ level: 'silent' }) }));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const page = async (query: string, headers: Record<string, string> = {}) => (await fetch(`${url}/${query}`, { headers })).text();

describe('the chat page in the user\'s language', () => {
  it('takes the locale asked for: its words, its lang, and the locale for Web Chat and the conversation', async () => {
    const html = await page('?embed=1&locale=es-MX');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<title>Ayuda con copias · Support</title>');
    expect(html).toContain('data-locale="es-MX"');
    expect(html).toContain('aria-label="Cerrar el chat"');
  });

  it('else follows the browser\'s languages, and the source language for one it does not speak', async () => {
    expect(await page('', { 'accept-language': 'de-DE,es;q=0.8,en;q=0.5' })).toContain('<html lang="es">');
    const french = await page('?locale=fr-FR', { 'accept-language': 'fr-FR' });
    expect(french).toContain('<html lang="en">');
    expect(french).toContain('data-locale="fr-FR"'); // Web Chat's own buttons can still be French
    expect(french).toContain('aria-label="Close chat"');
  });

  it('ignores a locale that is not a language tag', async () => {
    const html = await page('?locale=%22%3E%3Cscript%3E');
    expect(html).toContain('data-locale=""');
    expect(html).not.toContain('<script>');
  });

  it('writes the launcher\'s words per spoken language into embed.js', async () => {
    const js = await (await fetch(`${url}/embed.js`)).text();
    expect(js).toContain('var WORDS = {"en":{"launcher":"Open the chat"},"es":{"launcher":"Abrir el chat"}};');
    expect(js).toContain('var SOURCE = "en";');
  });
});
