// `npm run validate` (bot/cli/validate.ts): a one-line summary and exit 0, or every problem and exit 1.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BROKEN_DIR, MINIMAL_DIR } from './helpers';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function validate(knowledgeDir: string): Promise<Run> {
  return new Promise((done) => {
    const env = { ...process.env, KNOWLEDGE_DIR: knowledgeDir };
    const child = execFile(TSX, ['bot/cli/validate.ts'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 }, (_error, stdout, stderr) => {
      done({ status: child.exitCode, stdout, stderr });
    });
  });
}

describe('validate CLI', () => {
  const brokenDir = mkdtempSync(join(tmpdir(), 'kb-'));
  copyFileSync(join(BROKEN_DIR, 'unknown-key.yaml'), join(brokenDir, 'bot.yaml'));
  // Both runs at once: each is mostly tsx start-up.
  let runs: Promise<[Run, Run]>;
  beforeAll(() => {
    runs = Promise.all([validate(MINIMAL_DIR), validate(brokenDir)]);
  });
  afterAll(() => rmSync(brokenDir, { recursive: true, force: true }));

  it('prints a summary and exits 0 for valid knowledge', async () => {
    const [ok] = await runs;
    expect(ok).toEqual({ status: 0, stderr: '', stdout: `${MINIMAL_DIR}: ok: 7 files, 5 intents, 8 examples, 1 flows, 2 steps\n` });
  });

  it('prints every problem, one per line, and exits 1', async () => {
    const [, failed] = await runs;
    const name = basename(brokenDir);
    expect(failed.status).toBe(1);
    expect(failed.stderr.split('\n')).toEqual([
      `${name}/bot.yaml:5  replies.welcome.chek  unknown key`,
      `${name}/escalation.yaml:1  contacts  missing file: escalation.yaml with the support contacts`,
      `2 problem(s) in ${brokenDir}`,
      '',
    ]);
  });
});
