// Text helpers shared by renderers: splitting never loses or cuts a word, markdown stripping keeps URLs.
import { splitText, stripMarkdown } from '../../../bot/renderers/text-tools';

describe('splitText', () => {
  it.each([
    ['short text', 'hello world', 20, ['hello world']],
    ['at a paragraph', 'aaaa bbbb\n\ncccc dddd', 12, ['aaaa bbbb', 'cccc dddd']],
    ['at a line', 'aaaa\nbbbb cccc', 10, ['aaaa', 'bbbb cccc']],
    ['at a space', 'aaaa bbbb cccc', 9, ['aaaa bbbb', 'cccc']],
    ['an unbroken run', 'abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['empty text', '', 5, ['']],
  ])('splits %s', (_name, text, max, expected) => {
    expect(splitText(text, max)).toEqual(expected);
  });

  it('never splits an emoji in two', () => {
    const chunks = splitText('😀'.repeat(10), 5);
    expect(chunks.join('')).toBe('😀'.repeat(10));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(5);
    expect(chunks.every((c) => !/[\ud800-\udbff]$/.test(c))).toBe(true);
  });

  it('keeps every word of a long text, each chunk within the limit', () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const chunks = splitText(text, 97);
    expect(chunks.join(' ')).toBe(text);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(97);
  });
});

describe('stripMarkdown', () => {
  it('keeps link URLs and drops emphasis', () => {
    expect(stripMarkdown('**Open** `Settings`, see [status](https://apple.com/x).')).toBe('Open Settings, see status (https://apple.com/x).');
  });
});
