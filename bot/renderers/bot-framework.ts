// The generic Bot Framework renderer (Emulator, Direct Line, any BF channel without its own): markdown messages,
// suggested actions for up to 3 choices (Teams' limit), and a numbered plain-text twin of every choice in the text.
// A checklist is the numbered list only (no multi-select here: the user types the numbers); a detail is printed.
import type { Activity, CardAction } from 'botbuilder';
import type { Choice, Reply } from '../../dialogs';
import type { Renderer } from './types';
import { detailText, joinParts, markdownLinks, numberedChoices, splitText } from './text-tools';

export type BotFrameworkPayload = Partial<Activity>;

export interface BotFrameworkRendererOptions {
  readonly channels?: readonly string[];
  /** Longest text per activity; longer text is split into several messages. */
  readonly maxTextLength?: number;
  /** Most choices shown as buttons; beyond it only the numbered list is shown (typing the number presses it). */
  readonly maxButtons?: number;
  /** Join text-only replies onto the next one, so a turn is one message where it fits (default true). */
  readonly combine?: boolean;
}

/** What a pressed button sends back: `activity.value`, read by activity-to-input. */
export interface ChoiceValuePayload {
  readonly action: string;
  readonly stepId?: string;
}

/** A button that shows the label in the chat and sends the action token as `value` (messageBack). */
export function choiceAction(choice: Choice, stepId?: string): CardAction {
  const value: ChoiceValuePayload = stepId ? { action: choice.value, stepId } : { action: choice.value };
  return { type: 'messageBack', title: choice.label, text: choice.label, displayText: choice.label, value };
}

/** The whole reply as one markdown text: title, body, detail, copyable lines, links, then the numbered choices. */
export function replyMarkdown(reply: Reply): string {
  return joinParts([
    reply.title ? `**${reply.title}**` : undefined,
    reply.text,
    detailText(reply.detail),
    reply.lines?.length ? reply.lines.join('\n') : undefined,
    reply.links?.length ? markdownLinks(reply.links) : undefined,
    reply.choices?.length ? numberedChoices(reply.choices) : undefined,
  ]);
}

export function createBotFrameworkRenderer(options: BotFrameworkRendererOptions = {}): Renderer<BotFrameworkPayload> {
  // 4,000 characters is comfortably below every Bot Framework channel's limit (Teams ≈ 28 KB, Slack 40,000).
  const maxTextLength = options.maxTextLength ?? 4000;
  const maxButtons = options.maxButtons ?? 3;

  function renderReply(reply: Reply): BotFrameworkPayload[] {
    const chunks = splitText(replyMarkdown(reply), maxTextLength);
    const activities: BotFrameworkPayload[] = chunks.map((text) => ({ type: 'message', text, textFormat: 'markdown' }));
    // A checklist's box pressed alone would send one box as a choice: its boxes are typed as numbers instead.
    const choices = reply.pick === 'many' ? [] : (reply.choices ?? []);
    if (choices.length > 0 && choices.length <= maxButtons) {
      const last = activities[activities.length - 1];
      last.suggestedActions = { to: [], actions: choices.map((c) => choiceAction(c, reply.stepId)) };
    }
    return activities;
  }

  return {
    channels: options.channels ?? ['*'],
    maxTextLength,
    render: (replies) => (options.combine === false ? replies.flatMap(renderReply) : combineMessages(replies.flatMap(renderReply), maxTextLength)),
    readableText: (payloads) => payloads.map(activityText).join('\n'),
    actions: (payloads) => payloads.flatMap(activityActions),
  };
}

/**
 * Joins each text-only message onto the next while the text fits: every activity is one more Connector API call
 * (measured by `npm run bench`: it dominates a turn's cost), and "OK, next…" + step + "Did that fix it?" read well as
 * one message. Buttons or attachments end a message, so they stay under the text they belong to.
 */
export function combineMessages(activities: readonly BotFrameworkPayload[], maxTextLength: number): BotFrameworkPayload[] {
  const combined: BotFrameworkPayload[] = [];
  for (const activity of activities) {
    const last = combined[combined.length - 1];
    const fits = last !== undefined && (last.text ?? '').length + 2 + (activity.text ?? '').length <= maxTextLength;
    if (fits && !last.suggestedActions && !last.attachments?.length && !activity.attachments?.length) {
      combined[combined.length - 1] = { ...activity, text: joinParts([last.text, activity.text]) };
    } else {
      combined.push(activity);
    }
  }
  return combined;
}

/** Everything readable in an activity: its text, button titles and any card's title, text and buttons. */
export function activityText(activity: BotFrameworkPayload): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const a of activity.suggestedActions?.actions ?? []) parts.push(a.title);
  for (const attachment of activity.attachments ?? []) {
    const card = attachment.content as { title?: string; subtitle?: string; text?: string; buttons?: CardAction[] } | undefined;
    if (!card || typeof card !== 'object') continue;
    for (const field of [card.title, card.subtitle, card.text]) if (typeof field === 'string') parts.push(field);
    for (const b of card.buttons ?? []) parts.push(b.title, typeof b.value === 'string' ? b.value : '');
  }
  return parts.filter(Boolean).join('\n');
}

/** Every button in an activity (suggested actions and card buttons), as label + the action token it sends. */
export function activityActions(activity: BotFrameworkPayload): { label: string; value: string }[] {
  const buttons = [
    ...(activity.suggestedActions?.actions ?? []),
    ...(activity.attachments ?? []).flatMap((a) => (a.content as { buttons?: CardAction[] } | undefined)?.buttons ?? []),
  ];
  return buttons.map((b) => ({ label: b.title, value: actionValue(b.value) }));
}

function actionValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as ChoiceValuePayload).action === 'string') {
    return (value as ChoiceValuePayload).action;
  }
  return JSON.stringify(value ?? null);
}
