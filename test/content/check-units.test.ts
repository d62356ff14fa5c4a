// The cross-checks' small pieces: example normalisation, action tokens, regular expressions.
import type { Names } from '../../dialogs/content/catalog';
import { regexError } from '../../dialogs/content/check-entities';
import { normalizeExample } from '../../dialogs/content/check-intents';
import { checkAction } from '../../dialogs/content/check-replies';
import type { FileKind } from '../../dialogs/content/kinds';

describe('normalizeExample', () => {
  it.each([
    ['Hello!', 'hello'],
    ['  My  backup   FAILED... ', 'my backup failed'],
    ["won't back up", 'wont back up'],
    ['won’t back up', 'wont back up'],
    ['wi-fi keeps dropping', 'wi fi keeps dropping'],
    ['ＩＣＬＯＵＤ full', 'icloud full'],
    ['👍', '👍'],
    [' 👎 ', '👎'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeExample(text)).toBe(expected);
  });
});

describe('checkAction', () => {
  const names: Names = { intents: new Set(['storage_full']), steps: new Set(['check_wifi']), entities: new Map() };
  const none = new Set<FileKind>();

  it.each(['yes', 'no', 'tried', 'unsure', 'human', 'restart', 'help', 'resume', 'goodbye', 'intent:storage_full', 'step:check_wifi', 'region:GB'])(
    'accepts %s',
    (value) => expect(checkAction(value, names, none)).toBeUndefined(),
  );

  it.each([
    ['intent:nope', 'unknown intent "nope"'],
    ['step:nope', 'unknown step "nope"'],
    ['region:gb', 'region must be a two-letter code such as GB, not "gb"'],
    ['url:https://x', 'unknown action "url:https://x"; expected intent:<name>, step:<id> or region:<CC>'],
    ['Yes', 'unknown action "Yes"; expected one of yes, no, tried, unsure, human, restart, help, resume, goodbye, apple, appointment, next, back, repeat, steps, later, detail, intent:<name>, step:<id>, region:<CC>'],
    ['csat:9', 'csat takes a score from 1 to 5, not "9"'],
  ])('rejects %s: %s', (value, message) => {
    expect(checkAction(value, names, none)).toBe(message);
  });

  it('does not check references into a kind whose file is broken', () => {
    const broken = new Set<FileKind>(['intents', 'flow']);
    expect([checkAction('intent:nope', names, broken), checkAction('step:nope', names, broken)]).toEqual([undefined, undefined]);
  });
});

describe('regexError', () => {
  it.each(['\\bios\\s*(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\b', 'i ?cloud', '(?<model>iphone \\d+)'])('accepts %s', (pattern) => {
    expect(regexError(pattern)).toBeUndefined();
  });

  it.each([
    ['(unclosed', 'Unterminated group'],
    ['[a-', 'Unterminated character class'],
    ['a{2,1}', 'numbers out of order in {} quantifier'],
    ['\\-x', 'Invalid escape'], // fine without the u flag, an error with it
  ])('rejects %s: %s', (pattern, message) => {
    expect(regexError(pattern)).toBe(message);
  });
});
