// The review loop: unrecognized messages grouped by similarity, assigned to intents, appended to the YAML (temp copies).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendExample } from '../../bot/nlu/review/append-example';
import { parseAssignment } from '../../bot/nlu/review/assign';
import { groupMessages } from '../../bot/nlu/review/group';
import { readUnrecognized, recordUnrecognized } from '../../bot/nlu/unrecognized-log';

const YAML = `# Intents for the test.
intents:
  wifi_problem:
    label: "Wi-Fi"   # shown in "Did you mean"
    examples:
      - "wifi keeps dropping"
      # a comment between examples stays
      - "no wifi"
out_of_scope:
  - "tell me a joke"
`;

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nlu-review-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('appendExample', () => {
  it('adds one line to the intent and keeps comments and formatting', () => {
    const file = join(dir, 'intents.yaml');
    writeFileSync(file, YAML);
    expect(appendExample(file, 'wifi_problem', 'my wlan drops every night')).toBe('added');
    expect(readFileSync(file, 'utf8')).toBe(YAML.replace('      - "no wifi"\n', '      - "no wifi"\n      - "my wlan drops every night"\n'));
  });

  it('adds to out_of_scope, refuses duplicates and unknown intents', () => {
    const file = join(dir, 'intents.yaml');
    writeFileSync(file, YAML);
    expect(appendExample(file, null, 'what is the weather')).toBe('added');
    expect(readFileSync(file, 'utf8')).toContain('  - "tell me a joke"\n  - "what is the weather"\n');
    expect(appendExample(file, 'wifi_problem', 'No WiFi!')).toBe('duplicate');
    expect(() => appendExample(file, 'storage_full', 'icloud full')).toThrow(/no intent "storage_full"/);
  });
});

describe('groupMessages', () => {
  it('puts rewordings and typos of one message together, biggest group first', () => {
    const at = '2026-01-01T00:00:00Z';
    const r = (text: string, intent = 'wifi_problem') => ({ text, at, ranking: [{ intent, confidence: 0.3 }] });
    const groups = groupMessages([r('my hotspot keeps disconnecting'), r('my hotspot keeps disconecting'), r('hotspot keeps disconnecting'), r('where is my parcel', 'help')]);
    expect(groups.map((g) => g.count)).toEqual([3, 1]);
    expect(groups[0]?.suggestion).toBe('wifi_problem');
    expect(groups[1]?.texts).toEqual(['where is my parcel']);
  });
});

describe('parseAssignment', () => {
  it.each([
    ['hotspot drops=wifi_problem', { text: 'hotspot drops', intent: 'wifi_problem' }],
    ['is 2+2=4?=out_of_scope', { text: 'is 2+2=4?', intent: 'out_of_scope' }],
  ])('%j', (arg, expected) => expect(parseAssignment(arg)).toEqual(expected));

  it('rejects a missing intent', () => expect(() => parseAssignment('no intent here')).toThrow(/expected/));
});

describe('npm run nlu:review -- --assign', () => {
  it('appends to the real pack (a temp copy) and removes the message from the log', () => {
    const knowledge = join(dir, 'knowledge');
    const data = join(dir, 'data');
    cpSync(join(__dirname, '../../knowledge'), knowledge, { recursive: true });
    recordUnrecognized(data, { text: 'my hotspot keeps cutting out during the backup', ranking: [], at: '2026-01-01T00:00:00Z' });
    recordUnrecognized(data, { text: 'something else', ranking: [], at: '2026-01-01T00:00:01Z' });
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'bot/cli/nlu-review.ts', '--knowledge', knowledge, '--data-dir', data,
      '--assign', 'my hotspot keeps cutting out during the backup=wifi_problem'], { cwd: join(__dirname, '../..'), encoding: 'utf8' });
    expect(out).toMatch(/added: "my hotspot keeps cutting out during the backup" → wifi_problem/);
    expect(readFileSync(join(knowledge, 'packs/iphone-backup-failed/intents.yaml'), 'utf8')).toContain('- "my hotspot keeps cutting out during the backup"');
    expect(readUnrecognized(data).map((r) => r.text)).toEqual(['something else']);
  });
});
