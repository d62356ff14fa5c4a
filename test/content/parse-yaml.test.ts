// parse-yaml: YAML 1.2 data with lines, and every YAML error as a problem value (never an exception).
import { parseYaml } from '../../dialogs/content/parse-yaml';
import { formatProblem } from '../../dialogs/content/problems';

const lines = (text: string) => parseYaml('k/f.yaml', text).problems.map(formatProblem);

describe('parseYaml', () => {
  it('keeps `yes`, `no`, dates and times as text (YAML 1.2 core schema)', () => {
    expect(parseYaml('f', 'a: yes\nb: no\nc: 2026-12-25\nd: 09:00\n').data).toEqual({ a: 'yes', b: 'no', c: '2026-12-25', d: '09:00' });
  });

  it('reads an empty file as null, without problems', () => {
    expect(parseYaml('f', '# only a comment\n')).toMatchObject({ data: null, problems: [] });
  });

  it.each([
    ['a:\n  b: 1\n  b: 2\n', ['k/f.yaml:3  a.b  duplicate key']],
    ['list:\n  - x: 1\n    x: 2\n', ['k/f.yaml:3  list[0].x  duplicate key']],
    ['a: b: c\n', ['k/f.yaml:1  (yaml)  YAML syntax error: nested mappings are not allowed in compact mappings']],
    ['x:\n\t- a\n', ['k/f.yaml:2  (yaml)  YAML syntax error: tabs are not allowed as indentation']],
    ['a: 1\n---\nb: 2\n', ['k/f.yaml:2  (yaml)  one YAML document per file (remove the `---`)']],
    ['a: "open\n', ['k/f.yaml:2  (yaml)  YAML syntax error: missing closing "quote']],
    ['a: !shout x\n', ['k/f.yaml:1  (yaml)  YAML syntax error: unresolved tag: !shout']],
  ])('reports %j as %j', (text, expected) => {
    expect(lines(text)).toEqual(expected);
  });

  it.each([
    ['a compact sequence', `${'- '.repeat(5000)}x`, 1],
    ['flow brackets', '['.repeat(20000), 1],
    ['indentation', `a:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}b:`).join('\n')}`, 34],
  ])('refuses YAML nested thousands deep (%s) before composing it, at its line', (_how, text, line) => {
    expect(lines(text)).toEqual([`k/f.yaml:${line}  (yaml)  nested more than 32 levels deep`]);
  });

  it('lets ordinary nesting through', () => {
    const text = 'flow:\n  steps:\n    - id: a\n      links:\n        - { title: t, url: "https://x.org" }\n      when: { k: [v] }\n';
    expect(parseYaml('f', text).problems).toEqual([]);
  });

  it('reports an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    const parsed = parseYaml('k/f.yaml', `${bomb}\n`);
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems[0].message).toMatch(/^YAML error: .*alias/i);
  });
});
