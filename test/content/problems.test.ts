// problems: paths, the printed line format, and the reading order of files.
import { comparePaths, formatPath, formatProblem, sortProblems } from '../../dialogs/content/problems';

describe('problems', () => {
  it.each([
    [[], '(root)'],
    [['replies'], 'replies'],
    [['replies', 'welcome', 'chek'], 'replies.welcome.chek'],
    [['flow', 'steps', 2, 'next'], 'flow.steps[2].next'],
    [['contacts', 0], 'contacts[0]'],
  ])('formats the path %j as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });

  it('formats a problem as `file:line  path  message`', () => {
    const problem = { file: 'knowledge/bot.yaml', line: 12, path: 'replies.welcome.chek', message: 'unknown key' };
    expect(formatProblem(problem)).toBe('knowledge/bot.yaml:12  replies.welcome.chek  unknown key');
  });

  it.each([
    ['knowledge/bot.yaml', 'knowledge/smalltalk.yaml', -1],
    ['knowledge/smalltalk.yaml', 'knowledge/packs/a/flow.yaml', -1],
    ['knowledge/packs/a/intents.yaml', 'knowledge/packs/a/flow.yaml', 1],
    ['knowledge/packs/a/intents.yaml', 'knowledge/packs/b/flow.yaml', -1],
    ['knowledge/bot.yaml', 'knowledge/bot.yaml', 0],
  ])('orders %s against %s as %d (files before subfolders)', (a, b, sign) => {
    expect(Math.sign(comparePaths(a, b))).toBe(sign);
  });

  it('sorts problems by file in reading order, then line, keeping ties in order', () => {
    const p = (file: string, line: number, message: string) => ({ file, line, path: 'x', message });
    const sorted = sortProblems([p('k/packs/a/flow.yaml', 1, 'a'), p('k/bot.yaml', 9, 'b'), p('k/bot.yaml', 2, 'c'), p('k/bot.yaml', 2, 'd')]);
    expect(sorted.map((x) => x.message)).toEqual(['c', 'd', 'b', 'a']);
  });
});
