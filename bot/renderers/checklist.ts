// Checklists (`Reply.pick === 'many'`) for every renderer: whether the channel can show the boxes, and the plain
// fallback when it cannot — the boxes as a numbered list in the text, no buttons (the user types the numbers).
import type { Reply } from '../../dialogs';
import { joinParts, numberedChoices } from './text-tools';

/** The boxes and the submit of a checklist a channel can show as boxes. */
export interface Checklist {
  readonly boxes: NonNullable<Reply['choices']>;
  readonly submit: NonNullable<Reply['submit']>;
}

/** Whether a channel can carry these boxes (a comma would split a card's comma-separated value, Slack caps values). */
export type ChecklistFits = (checklist: Checklist) => boolean;

/** The checklist to show as boxes, or undefined: not a checklist, no submit or no boxes, or boxes the channel cannot carry. */
export function checklistOf(reply: Reply, fits: ChecklistFits = () => true): Checklist | undefined {
  if (reply.pick !== 'many' || !reply.submit || !reply.choices?.length) return undefined;
  const checklist: Checklist = { boxes: reply.choices, submit: reply.submit };
  return fits(checklist) ? checklist : undefined;
}

/**
 * The reply as the channel renders it: a checklist it cannot show as boxes becomes text with the numbered boxes and
 * no buttons (a box pressed alone would send one box as a choice); any other reply is returned unchanged.
 */
export function forChannel(reply: Reply, fits?: ChecklistFits): Reply {
  if (reply.pick !== 'many' || checklistOf(reply, fits)) return reply;
  const { choices, submit: _submit, pick: _pick, ...rest } = reply;
  return { ...rest, text: joinParts([reply.text, numberedChoices(choices ?? [])]) };
}

/** Adaptive Cards send a multi-select's values joined by commas, so a value holding one cannot be a box there. */
export const fitsChoiceSet: ChecklistFits = (checklist) => checklist.boxes.every((b) => !b.value.includes(','));
