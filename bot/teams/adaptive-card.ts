// Builds the Adaptive Card (schema 1.5, what Teams desktop, web and mobile render) for one reply.
// Choices are Action.Submit with data { action, stepId } plus a Teams messageBack, so the pressed label shows in
// the chat and the bot receives `activity.value = { action, stepId }` (read by bot/activity-to-input.ts).
// A checklist is an expanded multi-select Input.ChoiceSet and one Action.Submit; a detail folds behind Action.ShowCard.
import type { Choice, Link, Reply } from '../../dialogs';
import { PICK_MANY, PICKED_INPUT_ID } from '../picked-values';
import type { Checklist } from '../renderers/checklist';
import { toTeamsMarkdown } from './markdown';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Teams renders at most 6 actions per set (its host config); choices go in sets of 5, links in their own. */
const ACTIONS_PER_SET = 5;

export interface SubmitData {
  readonly action: string;
  readonly stepId?: string;
  readonly msteams: { readonly type: 'messageBack'; readonly displayText: string; readonly text: string };
}

/**
 * A checklist's submit: no messageBack here, since Teams then sends the ChoiceSet's initial value instead of what was
 * ticked (MicrosoftDocs/msteams-docs#521). Teams posts `{ action, stepId?, pick, picked: 'a,b' }` as activity.value.
 */
export interface ChecklistSubmitData {
  readonly action: string;
  readonly stepId?: string;
  readonly pick: typeof PICK_MANY;
}

export type CardAction =
  | { readonly type: 'Action.Submit'; readonly title: string; readonly data: SubmitData }
  | { readonly type: 'Action.Submit'; readonly title: string; readonly data: ChecklistSubmitData }
  | { readonly type: 'Action.OpenUrl'; readonly title: string; readonly url: string }
  | { readonly type: 'Action.ShowCard'; readonly title: string; readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly CardElement[] } };

export interface ChoiceSetInput {
  readonly type: 'Input.ChoiceSet';
  readonly id: typeof PICKED_INPUT_ID;
  readonly isMultiSelect: true;
  readonly style: 'expanded';
  readonly wrap: true;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
}

export type CardElement =
  | { readonly type: 'TextBlock'; readonly text: string; readonly wrap: true; readonly weight?: 'Bolder'; readonly size?: 'Medium'; readonly fontType?: 'Monospace'; readonly spacing?: 'Medium' }
  | { readonly type: 'ActionSet'; readonly actions: readonly CardAction[] }
  | ChoiceSetInput;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly fallbackText: string;
  readonly msteams: { readonly width: 'Full' };
}

export interface CardParts {
  readonly title?: string;
  readonly text: string;
  readonly lines?: readonly string[];
  readonly links?: readonly Link[];
  readonly choices?: readonly Choice[];
  /** Boxes to tick and the submit that sends them (instead of `choices`). */
  readonly checklist?: Checklist;
  /** "Show me how": folded behind a button labelled `label`. */
  readonly detail?: Reply['detail'];
  readonly stepId?: string;
  /** The plain-text twin: shown by clients that cannot render the card, and in notifications. */
  readonly fallbackText: string;
}

export function submitAction(choice: Choice, stepId?: string): CardAction {
  const msteams = { type: 'messageBack', displayText: choice.label, text: choice.label } as const;
  return { type: 'Action.Submit', title: choice.label, data: stepId ? { action: choice.value, stepId, msteams } : { action: choice.value, msteams } };
}

function checklistElements(checklist: Checklist, stepId?: string): CardElement[] {
  const data: ChecklistSubmitData = stepId ? { action: checklist.submit.value, stepId, pick: PICK_MANY } : { action: checklist.submit.value, pick: PICK_MANY };
  return [
    { type: 'Input.ChoiceSet', id: PICKED_INPUT_ID, isMultiSelect: true, style: 'expanded', wrap: true, choices: checklist.boxes.map((b) => ({ title: b.label, value: b.value })) },
    { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: checklist.submit.label, data }] },
  ];
}

function detailElement(detail: NonNullable<Reply['detail']>): CardElement {
  const card = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: toTeamsMarkdown(detail.text), wrap: true }] } as const;
  return { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: detail.label, card }] };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function buildAdaptiveCard(parts: CardParts): AdaptiveCard {
  const body: CardElement[] = [];
  if (parts.title) body.push({ type: 'TextBlock', text: parts.title, wrap: true, weight: 'Bolder', size: 'Medium' });
  if (parts.text.trim()) body.push({ type: 'TextBlock', text: toTeamsMarkdown(parts.text), wrap: true });
  if (parts.detail) body.push(detailElement(parts.detail));
  if (parts.lines?.length) {
    // Copyable lines (the summary for an advisor): one block, monospace, one line each.
    body.push({ type: 'TextBlock', text: parts.lines.join('\r'), wrap: true, fontType: 'Monospace', spacing: 'Medium' });
  }
  if (parts.checklist) body.push(...checklistElements(parts.checklist, parts.stepId));
  for (const set of chunk((parts.choices ?? []).map((c) => submitAction(c, parts.stepId)), ACTIONS_PER_SET)) {
    body.push({ type: 'ActionSet', actions: set });
  }
  const links = (parts.links ?? []).map((l): CardAction => ({ type: 'Action.OpenUrl', title: l.title, url: l.url }));
  for (const set of chunk(links, ACTIONS_PER_SET)) body.push({ type: 'ActionSet', actions: set });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    fallbackText: parts.fallbackText,
    msteams: { width: 'Full' },
  };
}
