// The Microsoft Teams renderer (channelId `msteams`): replies with choices, links, a title or copyable lines become
// Adaptive Cards (Action.Submit for choices, Action.OpenUrl for links), with a plain-text twin as the card's fallback.
// Simple text goes as a markdown message. No suggested actions: in Teams they are imBack only (text, no value) —
// the cards carry { action, stepId } instead, which works in channels and group chats too.
import type { Activity, Attachment } from 'botbuilder';
import type { Reply } from '../../dialogs';
import { ADAPTIVE_CARD_CONTENT_TYPE, buildAdaptiveCard, type AdaptiveCard } from '../teams/adaptive-card';
import type { BotFrameworkPayload } from './bot-framework';
import { joinParts, numberedChoices, plainLinks, splitText, stripMarkdown } from './text-tools';
import type { Renderer } from './types';

export interface TeamsRendererOptions {
  /** Longest text per message or card; Teams accepts about 28 KB per activity, a card carries its text twice. */
  readonly maxTextLength?: number;
}

/** Teams shows no more than 3 suggested actions; this renderer uses none (see above), and never more than this. */
export const TEAMS_MAX_SUGGESTED_ACTIONS = 3;

function needsCard(reply: Reply): boolean {
  return Boolean(reply.title || reply.choices?.length || reply.links?.length || reply.lines?.length || reply.text.includes('<'));
}

/** The plain-text twin of a card: everything on it, links spelled out, choices numbered (typing the number works). */
function fallbackOf(reply: Reply, text: string, first: boolean, last: boolean): string {
  return joinParts([
    first ? reply.title : undefined,
    stripMarkdown(text),
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
          choices: last ? reply.choices : undefined,
          stepId: reply.stepId,
          fallbackText: fallbackOf(reply, text, first, last),
        }),
      );
    });
  }

  function renderReply(reply: Reply): BotFrameworkPayload[] {
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

function teamsText(activity: Partial<Activity>): string {
  const parts = [activity.text ?? ''];
  for (const card of cardsOf(activity)) {
    for (const element of card.body) {
      if (element.type === 'TextBlock') parts.push(element.text);
      else parts.push(...element.actions.map((a) => a.title));
    }
  }
  return parts.filter(Boolean).join('\n');
}

function cardActions(card: AdaptiveCard): { label: string; value: string }[] {
  return card.body.flatMap((element) =>
    element.type === 'ActionSet'
      ? element.actions.map((a) => ({ label: a.title, value: a.type === 'Action.Submit' ? a.data.action : a.url }))
      : [],
  );
}
