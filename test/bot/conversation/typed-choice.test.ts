// Typing a choice's number presses it — except after a checklist, whose typed numbers ("1 3") the engine reads itself.
import type { Reply, TurnInput } from '../../../dialogs';
import { lastChoicesOf, pressTypedNumber } from '../../../bot/conversation/typed-choice';
import { checklist } from '../renderers/contract-fixtures';

const now = '2025-01-02T03:04:05.000Z';
const typed = (text: string): TurnInput => ({ kind: 'message', text, now });
const question: Reply = { kind: 'question', text: 'Did that fix it?', choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }], stepId: 'wifi' };
const boxes = checklist([{ label: 'Free up iCloud storage', value: 'step:check_storage' }, { label: 'Check your Wi-Fi', value: 'step:check_wifi' }], 'check_storage');

describe('typed choices', () => {
  it('presses the choice whose number is typed', () => {
    expect(pressTypedNumber(typed('2'), lastChoicesOf([question]))).toMatchObject({ action: { value: 'no', stepId: 'wifi' } });
  });

  it.each(['2', '1 2', '1, 2'])('leaves %j after a checklist to the engine, as text', (text) => {
    expect(lastChoicesOf([question, boxes])).toBeUndefined();
    expect(pressTypedNumber(typed(text), lastChoicesOf([question, boxes]))).toEqual(typed(text));
  });
});
