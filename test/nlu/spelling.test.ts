// Spelling tolerance against the vocabulary (natural's Damerau-Levenshtein and Jaro-Winkler).
import { createSpeller } from '../../dialogs/nlu/spelling';

const speller = createSpeller(['backup', 'icloud', 'storage', 'restart', 'network', 'settings', 'update', 'failed', 'password', 'connection', 'the']);

describe('createSpeller', () => {
  it.each([
    ['bakup', 'backup'], ['backpu', 'backup'], ['icoud', 'icloud'], ['storgae', 'storage'], ['restrat', 'restart'],
    ['netwrok', 'network'], ['setings', 'settings'], ['faild', 'failed'], ['pasword', 'password'], ['conecton', 'connection'],
  ])('%s → %s', (typo, word) => {
    expect(speller(typo)).toBe(word);
  });

  it.each(['weather', 'xyz', 'teh', '12345', 'backup'])('leaves %s alone (unknown and far, short, a number, or known)', (word) => {
    expect(speller(word)).toBe(word);
  });
});
