// Template rendering (variants, placeholders, choices, links) and regions (locale → contact).
import { createSay, fill } from '../../dialogs/replies';
import { contactFor, conversationRegion, normalizeRegion, regionFromText, regionOfLocale } from '../../dialogs/region';
import { oneQuestion } from '../../dialogs/engine';
import type { Knowledge } from '../../dialogs';
import { knowledge } from './fixtures';

describe('replies: fill', () => {
  it.each([
    ['Hi {name}!', { name: 'Ann' }, 'Hi Ann!'],
    ['You are number {position}.', { position: 3 }, 'You are number 3.'],
    ['Missing {nothing} here', {}, 'Missing  here'],
    ['{a}{b}', { a: 'x' }, 'x'],
    ['no placeholders {', {}, 'no placeholders {'],
    ['{constructor} {toString}', {}, ' '],
  ])('%s → %s', (text, vars, out) => {
    expect(fill(text, vars)).toBe(out);
  });
});

describe('replies: say', () => {
  const k: Knowledge = {
    ...knowledge,
    replies: {
      multi: { text: ['one', 'two', 'three'] },
      ask: { text: ['Pick {what}'], choices: [{ label: 'A {what}', value: 'yes' }], links: [{ title: 'L', url: 'https://a' }] },
    },
  };

  it('picks the variant by the seed, reproducibly', () => {
    expect([0, 1, 2, 3].map((seed) => createSay(k, seed).reply('multi').text)).toEqual(['one', 'two', 'three', 'one']);
  });

  it('fills text and choice labels, and a reply with choices is a question', () => {
    expect(createSay(k, 0).reply('ask', { what: 'it' })).toEqual({
      kind: 'question', text: 'Pick it', choices: [{ label: 'A it', value: 'yes' }], links: [{ title: 'L', url: 'https://a' }],
    });
  });

  it('puts choicesFirst before the template\'s and merges links without duplicates', () => {
    const r = createSay(k, 0).reply('ask', {}, { choicesFirst: [{ label: 'X', value: 'intent:x' }], links: [{ title: 'L2', url: 'https://a' }, { title: 'B', url: 'https://b' }] });
    expect(r.choices?.map((c) => c.value)).toEqual(['intent:x', 'yes']);
    expect(r.links?.map((l) => l.url)).toEqual(['https://a', 'https://b']);
  });

  it('a missing template gives empty text, never an error', () => {
    expect(createSay(k, 0).reply('nope')).toEqual({ kind: 'text', text: '' });
    expect(createSay(k, 0).has('nope')).toBe(false);
    expect(createSay(k, 0).has('toString')).toBe(false);
  });

  it('one question per turn: only the last reply with choices keeps them', () => {
    const c = [{ label: 'a', value: 'yes' }];
    const out = oneQuestion([{ kind: 'text', text: '1', choices: c }, { kind: 'step', text: '2' }, { kind: 'question', text: '3', choices: c }]);
    expect(out.map((r) => r.choices?.length ?? 0)).toEqual([0, 0, 1]);
    expect(out[0]).not.toHaveProperty('choices');
  });
});

describe('region', () => {
  it.each([
    ['en-GB', 'GB'], ['en-us', 'US'], ['en_US', 'US'], ['zh-Hant-TW', 'TW'], ['es-419', '419'], ['de', undefined],
    ['', undefined], [undefined, undefined], ['x-private', undefined], ['en-x-gb', undefined], ['garbage!!', undefined],
  ])('regionOfLocale(%s) = %s', (locale, region) => {
    expect(regionOfLocale(locale)).toBe(region);
  });

  it.each([['uk', 'GB'], ['GB', 'GB'], ['usa', undefined], ['', undefined]])('normalizeRegion(%s) = %s', (code, region) => {
    expect(normalizeRegion(code)).toBe(region);
  });

  it('an explicit region wins over the locale', () => {
    expect(conversationRegion({ region: 'US' }, 'en-GB')).toBe('US');
    expect(conversationRegion({}, 'en-GB')).toBe('GB');
  });

  it('picks the region\'s contact, else the default one', () => {
    expect(contactFor(knowledge, 'GB')?.name).toBe('Apple Support UK');
    expect(contactFor(knowledge, 'FR')?.region).toBe('default');
    expect(contactFor(knowledge, undefined)?.region).toBe('default');
  });

  it.each([['uk', 'GB'], ['US', 'US'], ["I'm in the UK", undefined], ['fr', undefined], ['blah', undefined]])('regionFromText(%s) = %s', (text, region) => {
    expect(regionFromText(knowledge, text)).toBe(region);
  });

  it('reads a country out of a contact\'s name', () => {
    const k: Knowledge = { ...knowledge, contacts: [{ region: 'DE', name: 'Apple Support (Germany)', links: [] }, ...knowledge.contacts] };
    expect(regionFromText(k, "i'm in germany")).toBe('DE');
    expect(regionFromText(k, 'germanyish')).toBeUndefined();
  });
});
