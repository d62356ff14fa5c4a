// The unrecognized inbox: groups with counts; "add to intent" appends the example to the intent's YAML (nlu:review's
// path) and takes the messages off the log; "ignore" takes them off and keeps the same words out when they come again.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addToIntent, ignoreMessages, listInbox } from '../../bot/analytics/inbox';
import { recordUnrecognized } from '../../bot/nlu/unrecognized-log';
import { loadKnowledge } from '../../dialogs';

describe('unrecognized inbox', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'inbox-'));
    cpSync(path.resolve(__dirname, '../../knowledge'), path.join(dir, 'knowledge'), { recursive: true });
    const at = '2026-03-02T10:00:00.000Z';
    for (const text of ['backup stuck at estimating time', 'backup is stuck estimating time', 'what about my apple watch', 'what about my apple watch']) {
      recordUnrecognized(path.join(dir, 'data'), { text, ranking: [{ intent: 'backup_failed', confidence: 0.4 }], at });
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('groups similar messages with their counts, most frequent first', () => {
    const groups = listInbox(path.join(dir, 'data'));
    expect(groups.map((g) => [g.count, g.texts.length])).toEqual([[2, 2], [2, 1]]);
    expect(listInbox(path.join(dir, 'data'), { from: Date.parse('2026-03-03T00:00:00Z') })).toEqual([]);
  });

  it('adds a group to an intent in its YAML file and takes it off the inbox', () => {
    const loaded = loadKnowledge(path.join(dir, 'knowledge'));
    if (!loaded.ok) throw new Error('knowledge does not load');
    const group = listInbox(path.join(dir, 'data')).find((g) => g.leader.includes('estimating')) ?? { texts: [] };
    const results = addToIntent(path.join(dir, 'data'), path.join(dir, 'knowledge'), loaded.knowledge, group.texts, 'backup_failed');
    expect(results.map((r) => r.result)).toEqual(['added', 'added']);
    expect(readFileSync(results[0]?.file as string, 'utf8')).toContain('- "backup is stuck estimating time"');
    expect(loadKnowledge(path.join(dir, 'knowledge')).ok).toBe(true);
    expect(listInbox(path.join(dir, 'data')).map((g) => g.leader)).toEqual(['what about my apple watch']);
  });

  it('ignores a group for good: the same words coming again stay out', () => {
    expect(ignoreMessages(path.join(dir, 'data'), ['what about my apple watch'])).toBe(2);
    recordUnrecognized(path.join(dir, 'data'), { text: 'What about my Apple Watch?', ranking: [], at: '2026-03-02T11:00:00.000Z' });
    expect(listInbox(path.join(dir, 'data')).map((g) => g.leader)).toEqual(['backup is stuck estimating time']);
  });
});
