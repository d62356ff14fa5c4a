// GET /agent (the inbox page) and its two files, under a strict Content-Security-Policy: scripts, styles and
// connections from this origin only, nothing inline, no framing. The page is static; everything else is the JSON API.
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import helmet from 'helmet';

const FILES: Readonly<Record<string, string>> = { 'agent.js': 'application/javascript', 'agent.css': 'text/css' };

/** bot/web/agent next to the sources (tsx, ts-jest), or the source tree seen from dist/bot/agent (npm start). */
export function findAgentPageDir(): string {
  const candidates = [path.resolve(__dirname, '../web/agent'), path.resolve(__dirname, '../../../bot/web/agent')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`agent inbox page not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function createPageRoutes(dir: string = findAgentPageDir()): Router {
  const router = express.Router();
  const security = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  router.get(['/agent', '/agent/'], security, (_req, res) => {
    res.set('Cache-Control', 'no-store').sendFile(path.join(dir, 'index.html'));
  });
  for (const [file, type] of Object.entries(FILES)) {
    router.get(`/agent/static/${file}`, security, (_req, res) => {
      res.set('Cache-Control', 'no-cache').type(type).sendFile(path.join(dir, file));
    });
  }
  return router;
}
