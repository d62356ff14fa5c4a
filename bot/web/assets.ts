// Finds the chat page's files: our static folder (in the source tree, also when running the build from dist/) and
// Microsoft Web Chat's self-contained bundle in node_modules (served from there, never committed).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface WebAssets {
  readonly staticDir: string;
  /** Absolute path of botframework-webchat's dist/webchat.js (full bundle: webchat-minimal.js cannot render cards). */
  readonly webchatJs: string;
  readonly webchatVersion: string;
  readonly template: string;
  /** A short content hash of a static file, for cache-busting URLs (`chat.js?v=…`). */
  hashOf(file: string): string;
}

function findStaticDir(): string {
  // bot/web/static next to this file (tsx, ts-jest), or the source tree seen from dist/bot/web (npm start).
  const candidates = [path.join(__dirname, 'static'), path.resolve(__dirname, '../../../bot/web/static')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`chat page files not found (looked in ${candidates.join(', ')})`);
  return found;
}

function findWebChat(): { file: string; version: string } {
  // The package's `exports` hide dist/ and package.json from require.resolve: resolve its main and walk up.
  const root = path.resolve(path.dirname(require.resolve('botframework-webchat')), '..');
  const file = path.join(root, 'dist', 'webchat.js');
  if (!existsSync(file)) throw new Error(`botframework-webchat's dist/webchat.js is missing (${file}): run npm install`);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { file, version };
}

export function loadWebAssets(): WebAssets {
  const staticDir = findStaticDir();
  const webchat = findWebChat();
  const hashes = new Map<string, string>();
  return {
    staticDir,
    webchatJs: webchat.file,
    webchatVersion: webchat.version,
    template: readFileSync(path.join(staticDir, 'index.html'), 'utf8'),
    hashOf(file) {
      let hash = hashes.get(file);
      if (!hash) {
        hash = createHash('sha256').update(readFileSync(path.join(staticDir, file))).digest('base64url').slice(0, 12);
        hashes.set(file, hash);
      }
      return hash;
    },
  };
}
