// The real knowledge/ directory loads with no problems, and every file's `$schema` comment points at its kind's schema.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadKnowledge } from '../../dialogs';
import { schemaNameOf } from '../../dialogs/content/kinds';
import { MINIMAL_DIR, problemLines } from './helpers';

const ROOT = join(__dirname, '..', '..');
const KNOWLEDGE_DIR = join(ROOT, 'knowledge');
const SCHEMA_COMMENT = /^# yaml-language-server: \$schema=(\S+)$/m;

describe.each([
  ['knowledge/', KNOWLEDGE_DIR],
  ['the minimal fixture', MINIMAL_DIR],
])('%s', (_name, dir) => {
  const result = loadKnowledge(dir);

  it('loads with no problems', () => {
    expect(problemLines(result)).toEqual([]);
  });

  it('names the right JSON Schema in each file, by a path that exists', () => {
    const files = result.ok ? result.files : [];
    const wrong = files.flatMap((file) => {
      const abs = join(dirname(dir), file);
      const match = SCHEMA_COMMENT.exec(readFileSync(abs, 'utf8'));
      if (!match) return [];
      const target = join(dirname(abs), match[1]);
      const expected = join(ROOT, 'schemas', `${schemaNameOf(file)}.schema.json`);
      return target === expected && existsSync(target) ? [] : [`${file}: ${match[1]} → ${relative(ROOT, target)}, expected ${relative(ROOT, expected)}`];
    });
    expect(wrong).toEqual([]);
  });
});
