// Normalisation and tokenising: case, unicode, wi-fi spellings, contractions, shorthand; nothing becomes empty.
import { normalizeText, tokenize } from '../../dialogs';
import { tokenizeMessage } from '../../dialogs/nlu/tokenize';

describe('normalizeText', () => {
  it.each([
    ['I CAN\'T connect', 'i can not connect'],
    ['Wi-Fi is down', 'wifi is down'],
    ['wi fi is down', 'wifi is down'],
    ['WIFI is down', 'wifi is down'],
    ['wi_fi', 'wifi'],
    ['My iPhone’s backup won’t finish', 'my iphone backup will not finish'],
    ['dont know wht to do', 'do not know what to do'],
    ['i cloud is full!!!', 'icloud is full'],
    ['Back-up failed', 'backup failed'],
    ['Café  résumé', 'cafe resume'],
    ['thx u r great', 'thanks you are great'],
    ['   ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  it('keeps stop words that carry meaning', () => {
    expect(tokenize('Where are you from?')).toEqual(['where', 'are', 'you', 'from']);
  });

  it('keeps symbols when a message has no words, so an example never becomes empty', () => {
    expect(tokenizeMessage('👍')).toEqual(['👍']);
    expect(tokenizeMessage('?!')).toEqual(['?', '!']);
  });

  it('splits words in any script', () => {
    expect(tokenize('Привет мир')).toEqual(['привет', 'мир']);
  });
});
