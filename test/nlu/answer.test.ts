// The yes/no answer parser: button values, emoji and the many ways people answer "did that fix it?".
import { parseAnswer } from '../../dialogs';

describe('parseAnswer', () => {
  it.each([
    ['yes', 'yes'], ['no', 'no'], ['tried', 'tried'], ['unsure', 'unsure'],
    ['👍', 'yes'], ['👍🏽', 'yes'], ['✅', 'yes'], ['👎', 'no'], ['❌', 'no'],
    ['nope', 'no'], ['nah', 'no'], ['still failing', 'no'], ['Still says backup failed', 'no'], ['no luck', 'no'],
    ["it didn't work", 'no'], ['not fixed', 'no'], ['nothing changed', 'no'], ['same error', 'no'],
    ['yes!! it worked', 'yes'], ['that did it', 'yes'], ['yep that fixed it', 'yes'], ['fixed!', 'yes'],
    ['works now thanks', 'yes'], ['Yeah', 'yes'], ['all good', 'yes'],
    ['kind of', 'unsure'], ['kinda', 'unsure'], ['not sure', 'unsure'], ['maybe', 'unsure'], ['i dunno', 'unsure'],
    ['I already tried that', 'tried'], ['tried that already', 'tried'], ['did that already', 'tried'], ['i tried that', 'tried'],
    ['i tried restarting and it worked', 'yes'],
  ])('%j → %s', (text, expected) => {
    expect(parseAnswer(text)).toBe(expected);
  });

  it.each(['my backup failed', 'how do i free up icloud storage', 'constructor', '', 'ok'])('%j is not an answer', (text) => {
    expect(parseAnswer(text)).toBeUndefined();
  });
});
