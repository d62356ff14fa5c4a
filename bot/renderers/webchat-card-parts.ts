// The Web Chat card's checklist and "show me how" parts: an expanded multi-select Input.ChoiceSet with one submit,
// and an Action.ShowCard folding the detail (both rendered and checked in Chromium, test/browser/webchat-checklist).
import type { Reply } from '../../dialogs';
import { PICK_MANY, PICKED_INPUT_ID } from '../picked-values';
import type { Checklist } from './checklist';

type Json = Record<string, unknown>;

/**
 * The boxes and the submit. The submit's data is plain (no embedded messageBack, unlike the other buttons): Web Chat
 * then posts it as a postBack whose value is the data with the inputs merged in — `{ action, stepId?, pick, picked:
 * 'a,b' }` — where a messageBack would drop the ticked boxes.
 */
export function checklistParts(checklist: Checklist, stepId?: string): { inputs: Json[]; actions: Json[] } {
  const choices = checklist.boxes.map((b) => ({ title: b.label, value: b.value }));
  const data = { action: checklist.submit.value, ...(stepId ? { stepId } : {}), pick: PICK_MANY };
  return {
    inputs: [{ type: 'Input.ChoiceSet', id: PICKED_INPUT_ID, isMultiSelect: true, style: 'expanded', wrap: true, choices }],
    actions: [{ type: 'Action.Submit', title: checklist.submit.label, data }],
  };
}

/** The detail behind a button under the instruction; `safe` escapes its text like every other card text. */
export function detailActionSet(detail: NonNullable<Reply['detail']>, safe: (text: string) => string): Json {
  const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: safe(detail.text), wrap: true }] };
  return { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: detail.label, card }] };
}
