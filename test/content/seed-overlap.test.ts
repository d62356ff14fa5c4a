// The knowledge is written in our own words: no sentence of it (string or comment) shares eight consecutive words
// with the source article in ../shared/seed/. Menu labels and button names may repeat; a copied sentence may not.
// The seed lives beside the repository, not in it: without it the suite is skipped loudly (a failure under CI=true).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describeIfAvailable } from '../support/redis-server';

const ROOT = join(__dirname, '..', '..');
const KNOWLEDGE_DIR = join(ROOT, 'knowledge');
const SEED = process.env.SEED_FILE ?? join(ROOT, '..', 'shared', 'seed', 'iphone-backup-failed.txt');
const RUN = 8;

/** Lower case, letters and digits only ("Wi‑Fi" → "wi fi", "don't" → "don t"), as a list of words. */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** Every run of `n` consecutive words, joined by spaces. */
export function runs(list: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i++) out.push(list.slice(i, i + n).join(' '));
  return out;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []);
}

/** Every string value of a YAML file (keys too) and every comment, each with where it is. */
function texts(file: string): { where: string; text: string }[] {
  const source = readFileSync(file, 'utf8');
  const name = relative(ROOT, file);
  const out: { where: string; text: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.push({ where: `${name} ${path}`, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        out.push({ where: `${name} ${path}.${k} (key)`, text: k });
        walk(v, `${path}.${k}`);
      }
    }
  };
  parseAllDocuments(source).forEach((doc) => walk(doc.toJS(), ''));
  source.split('\n').forEach((line, i) => {
    const hash = line.indexOf('#');
    if (hash >= 0 && /^\s*#/.test(line)) out.push({ where: `${name}:${i + 1} (comment)`, text: line.slice(hash + 1) });
  });
  return out;
}

describe('seed-overlap helpers', () => {
  it('normalises to lower-case words and cuts runs of n', () => {
    expect(words("Tap **Reset Network Settings**, then Wi‑Fi — don't worry.")).toEqual(['tap', 'reset', 'network', 'settings', 'then', 'wi', 'fi', 'don', 't', 'worry']);
    expect(runs(['a', 'b', 'c', 'd'], 3)).toEqual(['a b c', 'b c d']);
    expect(runs(['a', 'b'], 3)).toEqual([]);
  });
});

describeIfAvailable('knowledge vs the seed article', existsSync(SEED) ? undefined : `the seed article is missing at ${SEED} (set SEED_FILE)`, () => {
  it(`shares no run of ${RUN} consecutive words with it`, () => {
    const seed = new Set(runs(words(readFileSync(SEED, 'utf8')), RUN));
    const copied = yamlFiles(KNOWLEDGE_DIR).flatMap((file) => texts(file)).flatMap(({ where, text }) =>
      runs(words(text), RUN).filter((run) => seed.has(run)).map((run) => `${where}: "${run}"`));
    expect([...new Set(copied)]).toEqual([]);
  });
});
