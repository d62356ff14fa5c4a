// Typing the number of a choice presses it: the plain-text twin of the buttons works on every channel.
import type { Reply, TurnInput } from '../../dialogs';
import type { SessionRecord } from './session-record';

const NUMBER = /^\s*#?(\d{1,2})\s*[.)]?\s*$/;

/** The input with the typed number turned into the action of that choice; unchanged if it is not one. */
export function pressTypedNumber(input: TurnInput, lastChoices: SessionRecord['lastChoices']): TurnInput {
  if (input.kind !== 'message' || input.action || !lastChoices || !input.text) return input;
  const match = NUMBER.exec(input.text);
  if (!match) return input;
  const choice = lastChoices.choices[Number(match[1]) - 1];
  if (!choice) return input;
  return { ...input, action: lastChoices.stepId ? { value: choice.value, stepId: lastChoices.stepId } : { value: choice.value } };
}

/**
 * The choices of the last reply that offered any, to remember for the next turn. None after a checklist: its typed
 * numbers ("1 3") name several boxes, which the engine reads itself — pressing one box would answer for all of them.
 */
export function lastChoicesOf(replies: readonly Reply[]): SessionRecord['lastChoices'] {
  const reply = [...replies].reverse().find((r) => r.choices && r.choices.length > 0);
  if (!reply?.choices || reply.pick === 'many') return undefined;
  return reply.stepId ? { choices: reply.choices, stepId: reply.stepId } : { choices: reply.choices };
}
