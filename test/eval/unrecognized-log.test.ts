// The unrecognized-message log: redacted JSON lines in DATA_DIR, read back even after a torn write.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUnrecognized, recordUnrecognized, redactForLog, unrecognizedFile } from '../../bot/nlu/unrecognized-log';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nlu-log-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('redactForLog', () => {
  it.each([
    ['mail me at jane.doe@example.com', 'mail me at [email]'],
    ['call +44 20 7946 0958 please', 'call [phone] please'],
    ['my order 123456789 is late', 'my order [number] is late'],
    ['ios 17.4.1 on iphone 15', 'ios 17.4.1 on iphone 15'],
  ])('%j → %j', (text, expected) => expect(redactForLog(text)).toBe(expected));
});

describe('recordUnrecognized / readUnrecognized', () => {
  it('appends redacted records with the top of the ranking and reads them back in order', () => {
    const ranking = [{ intent: 'a', confidence: 0.41234 }, { intent: 'b', confidence: 0.2 }, { intent: 'c', confidence: 0.1 }, { intent: 'd', confidence: 0.05 }];
    recordUnrecognized(dir, { text: 'write to bob@example.org', ranking, at: '2026-01-01T00:00:00Z' });
    recordUnrecognized(dir, { text: 'second', ranking: [], at: '2026-01-01T00:00:01Z' });
    expect(readFileSync(unrecognizedFile(dir), 'utf8')).not.toContain('bob@');
    expect(readUnrecognized(dir)).toEqual([
      { text: 'write to [email]', ranking: [{ intent: 'a', confidence: 0.412 }, { intent: 'b', confidence: 0.2 }, { intent: 'c', confidence: 0.1 }], at: '2026-01-01T00:00:00Z' },
      { text: 'second', ranking: [], at: '2026-01-01T00:00:01Z' },
    ]);
  });

  it('skips a torn last line and reads nothing from a missing file', () => {
    expect(readUnrecognized(join(dir, 'none'))).toEqual([]);
    recordUnrecognized(dir, { text: 'ok', ranking: [], at: '2026-01-01T00:00:00Z' });
    appendFileSync(unrecognizedFile(dir), '{"text":"cut sh');
    expect(readUnrecognized(dir).map((r) => r.text)).toEqual(['ok']);
  });
});
