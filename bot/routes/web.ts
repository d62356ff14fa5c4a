// The web chat's pages and files: GET / (the chat page), /static/* (Web Chat's bundle from node_modules, our
// chat.js and CSS), GET /embed.js (the launcher for other sites) and POST /webchat/token (the page's Direct Line token).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import type { WebChatTokenSource } from '../directline/token-source';
import type { Logger } from '../logger';
import type { WebAssets } from '../web/assets';
import { renderPage, webchatPath } from '../web/page';
import { cleanLocale, pageLanguage, webLanguages, type WebLanguages } from '../web/page-words';
import { pageSecurity } from '../web/security';

export interface WebRouterOptions {
  readonly assets: WebAssets;
  readonly tokens: WebChatTokenSource;
  /** Shown in the page header and title (BOT_NAME). */
  readonly title: string;
  /** The page's words per spoken language (from knowledge); English's last-resort words without it. */
  readonly languages?: WebLanguages;
  /** Sites allowed to embed the widget (CORS_ORIGINS); empty: any. */
  readonly embedOrigins: readonly string[];
  readonly logger: Logger;
}

const YEAR = 'public, max-age=31536000, immutable';

export function createWebRouter(options: WebRouterOptions): Router {
  const { assets, logger } = options;
  const router = express.Router();
  const security = pageSecurity({ connectOrigins: options.tokens.connectOrigins, embedOrigins: options.embedOrigins });
  const web = options.languages ?? webLanguages({ replies: {}, intents: [], outOfScope: [], entities: [], flows: [], contacts: [], hash: '' });
  // The launcher's words per language, written into embed.js where it says so: no second request from host pages.
  const launchers = JSON.stringify(Object.fromEntries(Object.entries(web.words).map(([code, w]) => [code, { launcher: w.launcher }]))).replace(/</g, '\\u003c');
  const embedJs = readFileSync(path.join(assets.staticDir, 'embed.js'), 'utf8')
    .replace('{/*WORDS*/}', () => launchers)
    .replace("'/*SOURCE*/'", () => JSON.stringify(web.source));

  router.get('/', ...security, (req, res) => {
    const embed = req.query.embed === '1';
    // ?locale= (the embed's data-locale, or a link's) else the browser's languages: the page's words and Web Chat's.
    const locale = cleanLocale(req.query.locale);
    const lang = pageLanguage(web, locale, (codes) => req.acceptsLanguages(...codes));
    const page = renderPage(assets, { title: options.title, nonce: String(res.locals.cspNonce), embed, lang, locale, words: web.words[lang] ?? web.words[web.source] });
    // The nonce changes with every response, so the page itself must never be cached.
    res.set('Cache-Control', 'no-store').set('Vary', 'Accept-Language').type('html').send(page);
  });

  router.get(webchatPath(assets), (_req, res) => {
    res.set('Cache-Control', YEAR).set('X-Content-Type-Options', 'nosniff').type('application/javascript').sendFile(assets.webchatJs);
  });
  for (const file of ['chat.js', 'chat.css']) {
    router.get(`/static/${file}`, (req, res) => {
      // Versioned by content hash in the page; an unversioned request gets a short cache.
      res.set('Cache-Control', req.query.v === assets.hashOf(file) ? YEAR : 'public, max-age=300').set('X-Content-Type-Options', 'nosniff');
      res.sendFile(path.join(assets.staticDir, file));
    });
  }

  router.get('/embed.js', (_req, res) => {
    // Loaded by other sites' pages: it must be readable cross-origin; an hour of cache lets fixes reach them soon.
    res.set({ 'Cache-Control': 'public, max-age=3600', 'Cross-Origin-Resource-Policy': 'cross-origin', 'X-Content-Type-Options': 'nosniff' });
    res.type('application/javascript').send(embedJs);
  });

  router.post('/webchat/token', async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    try {
      res.json(await options.tokens.issue());
    } catch (err) {
      logger.error({ err, source: options.tokens.kind }, 'could not get a Direct Line token for the chat page');
      res.status(503).json({ error: { code: 'token_unavailable', message: 'the chat is unavailable, please retry' } });
    }
  });
  return router;
}
