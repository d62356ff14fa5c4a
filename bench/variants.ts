// Builds the bot of a git commit next to the working tree, for `npm run bench:compare`: the commit's bot/, dialogs/,
// types/ and knowledge/ are extracted into .bench-variants/<commit>/ and compiled there (resolving this tree's
// node_modules); the bot runs with that commit's knowledge.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './child';

export interface Variant {
  readonly name: string;
  /** The git ref built, or '.' for this working tree's own dist/. */
  readonly ref: string;
  /** The compiled entry (`…/dist/bot/main.js`). */
  readonly entry: string;
  /** The commit's knowledge/ (this tree's for '.'). */
  readonly knowledgeDir: string;
  /** Extra environment for this variant's server (e.g. a configuration to compare). */
  readonly env: Readonly<Record<string, string>>;
}

const VARIANTS_DIR = path.join(ROOT, '.bench-variants');
const SOURCES = ['bot', 'dialogs', 'types', 'knowledge', 'tsconfig.json', 'tsconfig.build.json'];

/** Compiles one tree (tsconfig.build.json in `dir`); type errors only warn, as in `npm run bench`. */
function compile(dir: string): void {
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.build.json')], { cwd: dir, encoding: 'utf8' });
  if (!fs.existsSync(path.join(dir, 'dist/bot/main.js'))) throw new Error(`no dist/bot/main.js after compiling ${dir}`);
}

/** `name=ref` or `name=ref+KEY=VALUE+KEY2=VALUE` (the variables go to that server only). */
export function parseVariant(spec: string): Omit<Variant, 'entry' | 'knowledgeDir'> {
  const [name, rest] = spec.split(/=(.*)/s, 2);
  if (!name || !rest) throw new Error(`BENCH_VARIANTS: "${spec}" is not name=ref`);
  const [ref, ...vars] = rest.split('+');
  const env = Object.fromEntries(vars.map((v) => v.split(/=(.*)/s, 2) as [string, string]));
  return { name, ref, env };
}

export function buildVariant(spec: Omit<Variant, 'entry' | 'knowledgeDir'>, progress: (m: string) => void): Variant {
  if (spec.ref === '.') {
    compile(ROOT);
    return { ...spec, entry: path.join(ROOT, 'dist/bot/main.js'), knowledgeDir: path.join(ROOT, 'knowledge') };
  }
  const commit = execFileSync('git', ['rev-parse', spec.ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(VARIANTS_DIR, commit.slice(0, 12));
  if (!fs.existsSync(path.join(dir, 'dist/bot/main.js')) || !fs.existsSync(path.join(dir, 'knowledge'))) {
    progress(`building ${spec.name} (${spec.ref} = ${commit.slice(0, 12)}) in ${path.relative(ROOT, dir)}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', commit, ...SOURCES], { cwd: ROOT, maxBuffer: 256 * 2 ** 20 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    compile(dir);
  }
  return { ...spec, entry: path.join(dir, 'dist/bot/main.js'), knowledgeDir: path.join(dir, 'knowledge') };
}
