// GET /analytics (the dashboard page), its own script and style, and the two libraries it draws with, served from the
// installed packages (Chart.js for charts, dagre to lay out the flow picture): nothing from another origin, and the
// same strict Content-Security-Policy as the agent inbox (scripts and styles from this origin only, nothing inline).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import helmet from 'helmet';

const FILES: Readonly<Record<string, string>> = { 'analytics.js': 'application/javascript', 'analytics.css': 'text/css' };

/** bot/web/analytics next to the sources (tsx, ts-jest), or the source tree seen from dist/bot/analytics/http. */
export function findDashboardDir(): string {
  const candidates = [path.resolve(__dirname, '../../web/analytics'), path.resolve(__dirname, '../../../../bot/web/analytics')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`analytics page not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** A package's root: its main resolved, then up to the folder whose package.json names it (`exports` hides the rest). */
function packageRoot(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`${name}: package root not found`);
    dir = up;
  }
}

/** The browser builds of the libraries, from node_modules: Chart.js's UMD bundle and dagre's browser bundle. */
export function vendorFiles(): Readonly<Record<string, string>> {
  const files = {
    'chart.umd.js': path.join(packageRoot('chart.js'), 'dist', 'chart.umd.js'),
    'dagre.min.js': path.join(packageRoot('@dagrejs/dagre'), 'dist', 'dagre.min.js'),
  };
  for (const file of Object.values(files)) if (!existsSync(file)) throw new Error(`${file} is missing: run npm install`);
  return files;
}

export function createDashboardPageRoutes(dir: string = findDashboardDir()): Router {
  const router = express.Router();
  const security = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], connectSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
        baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  router.get(['/analytics', '/analytics/'], security, (_req, res) => {
    res.set('Cache-Control', 'no-store').sendFile(path.join(dir, 'index.html'));
  });
  for (const [file, type] of Object.entries(FILES)) {
    router.get(`/analytics/static/${file}`, security, (_req, res) => {
      res.set('Cache-Control', 'no-cache').type(type).sendFile(path.join(dir, file));
    });
  }
  for (const [file, full] of Object.entries(vendorFiles())) {
    router.get(`/analytics/vendor/${file}`, security, (_req, res) => {
      res.set('Cache-Control', 'public, max-age=86400').type('application/javascript').sendFile(full);
    });
  }
  return router;
}
