// Builds the Adaptive Card (schema 1.5, what Teams desktop, web and mobile render) for one reply.
// Choices are Action.Submit with data { action, stepId } plus a Teams messageBack, so the pressed label shows in
// the chat and the bot receives `activity.value = { action, stepId }` (read by bot/activity-to-input.ts).
import type { Choice, Link } from '../../dialogs';
import { toTeamsMarkdown } from './markdown';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Teams renders at most 6 actions per set (its host config); choices go in sets of 5, links in their own. */
const ACTIONS_PER_SET = 5;

export interface SubmitData {
  readonly action: string;
  readonly stepId?: string;
  readonly msteams: { readonly type: 'messageBack'; readonly displayText: string; readonly text: string };
}

export type CardAction =
  | { readonly type: 'Action.Submit'; readonly title: string; readonly data: SubmitData }
  | { readonly type: 'Action.OpenUrl'; readonly title: string; readonly url: string };

export type CardElement =
  | { readonly type: 'TextBlock'; readonly text: string; readonly wrap: true; readonly weight?: 'Bolder'; readonly size?: 'Medium'; readonly fontType?: 'Monospace'; readonly spacing?: 'Medium' }
  | { readonly type: 'ActionSet'; readonly actions: readonly CardAction[] };

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
  readonly stepId?: string;
  /** The plain-text twin: shown by clients that cannot render the card, and in notifications. */
  readonly fallbackText: string;
}

export function submitAction(choice: Choice, stepId?: string): CardAction {
  const msteams = { type: 'messageBack', displayText: choice.label, text: choice.label } as const;
  return { type: 'Action.Submit', title: choice.label, data: stepId ? { action: choice.value, stepId, msteams } : { action: choice.value, msteams } };
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
  if (parts.lines?.length) {
    // Copyable lines (the summary for an advisor): one block, monospace, one line each.
    body.push({ type: 'TextBlock', text: parts.lines.join('\r'), wrap: true, fontType: 'Monospace', spacing: 'Medium' });
  }
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
