// Block Kit for a checklist and a "show me how" detail. A checklist is one actions block: `checkboxes` elements (10
// options each) and a submit button whose click carries the ticked boxes in the payload's `state.values`. The detail
// is a button sending the `detail` token: the engine answers with the detail as a message in the thread.
import type { types } from '@slack/bolt';
import type { Reply } from '../../dialogs';
import { PICK_MANY } from '../picked-values';
import type { Checklist, ChecklistFits } from '../renderers/checklist';
import { CHOICE_ACTION_PREFIX, SLACK_LIMITS, truncate, type ButtonValue, type SlackBlock } from './blocks';

/** The prefix of every checkbox group's action_id: ticking a box sends a block_actions event that is only acknowledged. */
export const BOX_ACTION_PREFIX = 'box';

/** The prefix of the detail button's action_id: a click asks the engine for the detail and leaves the message as it is. */
export const DETAIL_ACTION_PREFIX = 'detail';

/** The action token of the detail button (see `Reply.detail`). */
export const DETAIL_ACTION = 'detail';

/** One actions block holds the submit and at most 24 checkbox groups of 10. */
const MAX_BOXES = (SLACK_LIMITS.actionsPerBlock - 1) * SLACK_LIMITS.optionsPerCheckboxes;

/** Boxes Slack can carry: every value within an option's 150 characters, all of them in one actions block. */
export const fitsSlack: ChecklistFits = (checklist) =>
  checklist.boxes.length <= MAX_BOXES && checklist.boxes.every((b) => b.value.length <= SLACK_LIMITS.optionValue);

const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(text, max), emoji: true }) as const;

/** The checklist's actions block, `checklist:<key>`: the submit reads the boxes of its own block only. */
export function checklistBlock(checklist: Checklist, stepId: string | undefined, blockKey: string): SlackBlock {
  const groups: types.Checkboxes[] = [];
  for (let start = 0; start < checklist.boxes.length; start += SLACK_LIMITS.optionsPerCheckboxes) {
    const options = checklist.boxes.slice(start, start + SLACK_LIMITS.optionsPerCheckboxes).map((b) => ({ text: plain(b.label, SLACK_LIMITS.optionText), value: b.value }));
    groups.push({ type: 'checkboxes', action_id: `${BOX_ACTION_PREFIX}:${blockKey}:${start}`, options });
  }
  const value: ButtonValue = { action: checklist.submit.value, ...(stepId ? { stepId } : {}), pick: PICK_MANY };
  const submit: types.Button = {
    type: 'button',
    action_id: `${CHOICE_ACTION_PREFIX}:${blockKey}:submit`,
    text: plain(checklist.submit.label, SLACK_LIMITS.buttonText),
    style: 'primary',
    value: JSON.stringify(value),
  };
  return { type: 'actions', block_id: `checklist:${blockKey}`, elements: [...groups, submit] };
}

/** The "show me how" button: Slack has no fold, so the click asks the engine, which answers in the thread. */
export function detailBlock(detail: NonNullable<Reply['detail']>, stepId: string | undefined, blockKey: string): SlackBlock {
  const value: ButtonValue = stepId ? { action: DETAIL_ACTION, stepId } : { action: DETAIL_ACTION };
  const button: types.Button = { type: 'button', action_id: `${DETAIL_ACTION_PREFIX}:${blockKey}`, text: plain(detail.label, SLACK_LIMITS.buttonText), value: JSON.stringify(value) };
  return { type: 'actions', block_id: `detail:${blockKey}`, elements: [button] };
}
