// The Microsoft Teams renderer (channelId `msteams`): replies with choices, links, a title or copyable lines become
// Adaptive Cards (Action.Submit for choices, Action.OpenUrl for links), with a plain-text twin as the card's fallback.
// Simple text goes as a markdown message. No suggested actions: in Teams they are imBack only (text, no value) —
// the cards carry { action, stepId } instead, which works in channels and group chats too.
// A checklist's boxes are a multi-select on the card; a "show me how" detail folds behind Action.ShowCard (printed
// after the card instead when it is too long to fit beside the step).
import type { Activity, Attachment } from 'botbuilder';
import type { Reply } from '../../dialogs';
import { ADAPTIVE_CARD_CONTENT_TYPE, buildAdaptiveCard, type AdaptiveCard, type CardAction, type CardElement } from '../teams/adaptive-card';
import type { BotFrameworkPayload } from './bot-framework';
import { checklistOf, fitsChoiceSet, forChannel } from './checklist';
import { detailText, joinParts, numberedChoices, plainLinks, splitText, stripMarkdown } from './text-tools';
import type { RenderedAction, Renderer } from './types';

export interface TeamsRendererOptions {
  /** Longest text per message or card; Teams accepts about 28 KB per activity, a card carries its text twice. */
  readonly maxTextLength?: number;
}

/** Teams shows no more than 3 suggested actions; this renderer uses none (see above), and never more than this. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;

function needsCard(reply: Reply): boolean {
  return Boolean(reply.title || reply.choices?.length || reply.links?.length || reply.lines?.length || reply.detail || reply.text.includes('<'));
}

/** The plain-text twin of a card: everything on it, links spelled out, choices numbered (typing the number works). */
function fallbackOf(reply: Reply, text: string, first: boolean, last: boolean): string {
  return joinParts([
    first ? reply.title : undefined,
    stripMarkdown(text),
    last ? detailText(reply.detail, 'plain') : undefined,
    last && reply.lines?.length ? reply.lines.join('\n') : undefined,
    last && reply.links?.length ? plainLinks(reply.links) : undefined,
    last && reply.choices?.length ? numberedChoices(reply.choices, 'plain') : undefined,
  ]);
}

function cardActivity(card: AdaptiveCard): BotFrameworkPayload {
  const attachment: Attachment = { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
  return { type: 'message', attachments: [attachment] };
}

export function createTeamsRenderer(options: TeamsRendererOptions = {}): Renderer<BotFrameworkPayload> {
  const maxTextLength = options.maxTextLength ?? 4000;

  function renderCards(reply: Reply): BotFrameworkPayload[] {
    const { detail } = reply;
    // A detail that would crowd the step out of one card's fallback follows the card as text of its own.
    if (detail && (detailText(detail, 'plain') ?? '').length > maxTextLength / 2) {
      return [...renderCards({ ...reply, detail: undefined }), ...renderReply({ kind: 'text', title: detail.label, text: detail.text })];
    }
    const checklist = checklistOf(reply, fitsChoiceSet);
    const extras = fallbackOf(reply, '', true, true).length;
    // Leave room for the title, lines, links and choices so each card's fallback stays within the limit.
    const budget = Math.max(Math.floor(maxTextLength / 4), maxTextLength - extras - 8);
    const chunks = splitText(reply.text, budget);
    return chunks.map((text, i) => {
      const [first, last] = [i === 0, i === chunks.length - 1];
      return cardActivity(
        buildAdaptiveCard({
          title: first ? reply.title : undefined,
          text,
          lines: last ? reply.lines : undefined,
          links: last ? reply.links : undefined,
          choices: last && !checklist ? reply.choices : undefined,
          checklist: last ? checklist : undefined,
          detail: last ? reply.detail : undefined,
          stepId: reply.stepId,
          fallbackText: fallbackOf(reply, text, first, last),
        }),
      );
    });
  }

  function renderReply(original: Reply): BotFrameworkPayload[] {
    const reply = forChannel(original, fitsChoiceSet);
    if (needsCard(reply)) return renderCards(reply);
    return splitText(reply.text, maxTextLength).map((text) => ({ type: 'message', text, textFormat: 'markdown' }));
  }

  return {
    channels: ['msteams'],
    maxTextLength,
    render: (replies) => replies.flatMap(renderReply),
    readableText: (payloads) => payloads.map(teamsText).join('\n'),
    actions: (payloads) => payloads.flatMap((p) => cardsOf(p).flatMap(cardActions)),
  };
}

/** The Adaptive Cards attached to an activity. */
export function cardsOf(activity: Partial<Activity>): AdaptiveCard[] {
  return (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE).map((a) => a.content as AdaptiveCard);
}

/** The plain text a user reads in an activity without its buttons: its text, or its card's fallback. */
export function teamsPlainText(activity: Partial<Activity>): string {
  return [activity.text ?? '', ...cardsOf(activity).map((c) => c.fallbackText)].filter(Boolean).join('\n');
}

/** What a user reads in card elements: text blocks, button titles, boxes, and the text a ShowCard unfolds. */
function elementsText(body: readonly CardElement[]): string[] {
  return body.flatMap((element) => {
    if (element.type === 'TextBlock') return [element.text];
    if (element.type === 'Input.ChoiceSet') return element.choices.map((c) => c.title);
    return element.actions.flatMap((a) => [a.title, ...(a.type === 'Action.ShowCard' ? elementsText(a.card.body) : [])]);
  });
}

function teamsText(activity: Partial<Activity>): string {
  return [activity.text ?? '', ...cardsOf(activity).flatMap((card) => elementsText(card.body))].filter(Boolean).join('\n');
}

/** The card's buttons that send something (a ShowCard only unfolds); a checklist's submit lists the boxes it sends. */
function cardActions(card: AdaptiveCard): RenderedAction[] {
  const boxes = card.body.flatMap((e) => (e.type === 'Input.ChoiceSet' ? e.choices.map((c) => ({ label: c.title, value: c.value })) : []));
  const actionOf = (a: CardAction): RenderedAction[] => {
    if (a.type === 'Action.OpenUrl') return [{ label: a.title, value: a.url }];
    if (a.type === 'Action.ShowCard') return [];
    return [{ label: a.title, value: a.data.action, ...('pick' in a.data ? { picks: boxes } : {}) }];
  };
  return card.body.flatMap((element) => (element.type === 'ActionSet' ? element.actions.flatMap(actionOf) : []));
}
