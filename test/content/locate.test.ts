// locate: a path into the document → the line of its key or item; an offset → its path.
import { LineCounter, parseDocument } from 'yaml';
import { createLocator } from '../../dialogs/content/locate';

const TEXT = [
  '# comment',                      // 1
  'replies:',                       // 2
  '  welcome:',                     // 3
  '    text: "Hi"',                 // 4
  '    choices:',                   // 5
  '      - { label: A, value: a }', // 6
  '      - label: B',               // 7
  '        value: b',               // 8
  '',                               // 9
].join('\n');

function locator() {
  const lineCounter = new LineCounter();
  return createLocator(parseDocument(TEXT, { lineCounter }), lineCounter);
}

describe('createLocator', () => {
  it.each([
    [[], 2],
    [['replies'], 2],
    [['replies', 'welcome'], 3],
    [['replies', 'welcome', 'text'], 4],
    [['replies', 'welcome', 'choices', 0], 6],
    [['replies', 'welcome', 'choices', 0, 'value'], 6],
    [['replies', 'welcome', 'choices', 1, 'value'], 8],
    [['replies', 'welcome', 'missing'], 3],
    [['replies', 'welcome', 'choices', 5], 5],
    [['replies', 'welcome', 'text', 'deeper'], 4],
  ])('finds %j on line %d', (path, line) => {
    expect(locator().lineAt(path)).toBe(line);
  });

  it.each([
    ['value: b', ['replies', 'welcome', 'choices', 1, 'value']],
    ['"Hi"', ['replies', 'welcome', 'text']],
    ['welcome', ['replies', 'welcome']],
    ['# comment', []],
  ])('finds the path at %j', (needle, path) => {
    expect(locator().pathAt(TEXT.indexOf(needle))).toEqual(path);
  });
});
