// Transcript lines for the help desk: what the user typed, or the button pressed — with a checklist's ticked boxes.
import { userLine } from '../../../bot/conversation/transcript';

const now = '2025-01-02T03:04:05.000Z';
const user = { id: 'u1', name: 'Ann' };
const same = (text: string) => text;

describe('userLine', () => {
  it.each([
    ['typed words', { text: 'my backup failed' }, 'my backup failed'],
    ['a button pressed without text', { text: '', action: { value: 'no', stepId: 'wifi' } }, '[no]'],
    ['a checklist submit', { action: { value: 'tried', picked: ['step:check_storage', 'step:update_ios'] } }, '[tried: step:check_storage, step:update_ios]'],
    ['a checklist submit with nothing ticked', { action: { value: 'tried', picked: [] } }, '[tried]'],
  ])('records %s', (_name, input, text) => {
    expect(userLine({ kind: 'message', now, ...input }, user, same)).toEqual({ from: 'user', text, at: now, name: 'Ann' });
  });
});
