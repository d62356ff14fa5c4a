// The Web Chat renderer (our Direct Line, channels webchat/directline): steps as Adaptive Cards with the instruction,
// links as Action.OpenUrl and the "did it fix it?" answers as Action.Submit; other choices as suggested actions.
// Every activity carries `summary`, Bot Framework's plain-text twin, so no choice or link exists only as a button.
// A checklist is a card with boxes and one submit; a "show me how" detail folds behind Action.ShowCard on the step.
import type { Activity, Attachment, CardAction } from 'botbuilder';
import type { Choice, Link, Reply } from '../../dialogs';
import { createBotFrameworkRenderer, replyMarkdown, choiceAction, type BotFrameworkPayload } from './bot-framework';
import { checklistOf, fitsChoiceSet, forChannel } from './checklist';
import type { Renderer } from './types';
import { joinParts, markdownLinks, plainLinks } from './text-tools';
import { cardActions, cardText, isAdaptiveCard } from './webchat-card-text';
import { checklistParts, detailActionSet } from './webchat-card-parts';

export type WebChatPayload = Partial<Activity>;

/** What a card button posts back as `activity.value` (and what suggested actions post): read by activity-to-input. */
export interface WebChatChoiceValue {
  readonly action: string;
  readonly stepId?: string;
}

/** A step, plus the question about it that follows (same stepId): shown as one card. */
interface Unit {
  readonly main: Reply;
  readonly question?: Reply;
}

/** An "opens elsewhere" icon on link buttons, so they don't look like answers (inline: the page allows data: images). */
const LINK_ICON = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PHBhdGggZmlsbD0iIzU5NjM2ZSIgZD0iTTE0IDNoN3Y3aC0yVjYuNGwtOS4zIDkuMy0xLjQtMS40TDE3LjYgNUgxNFYzek01IDVoNnYySDV2MTJoMTJ2LTZoMnY2YTIgMiAwIDAgMS0yIDJINWEyIDIgMCAwIDEtMi0yVjdhMiAyIDAgMCAxIDItMnoiLz48L3N2Zz4=';

const CARD_KINDS: ReadonlySet<string> = new Set(['step', 'escalation', 'summary']);
const isWebLink = (link: Link): boolean => /^https?:\/\//i.test(link.url);

/** Never HTML: Web Chat 4.18 renders inline HTML in markdown (sanitised, but <img>, <b> survive), so every `<` in text
 *  and cards is markdown-escaped: it shows as itself and never opens a tag (measured in Chromium, test/browser). */
const safe = (text: string): string => text.replace(/</g, '\\<');

/** The plain-text twin of a reply; a link that is not http(s) stays readable but is never made clickable. */
function twinOf(reply: Reply): string {
  const links = reply.links ?? [];
  const other = links.filter((l) => !isWebLink(l));
  return joinParts([replyMarkdown({ ...reply, links: links.filter(isWebLink) }), other.length ? plainLinks(other) : undefined]);
}

/** Copyable lines as a markdown list: plain newlines would run together into one paragraph in Web Chat. */
const asList = (lines: readonly string[]): string => lines.map((l) => (/^\s*([-*+]|\d+[.)])\s/.test(l) ? l : `- ${l}`)).join('\n');

function units(original: readonly Reply[]): Unit[] {
  const replies = original.map((r) => forChannel(r, fitsChoiceSet));
  const out: Unit[] = [];
  for (let i = 0; i < replies.length; i += 1) {
    const [main, next] = [replies[i], replies[i + 1]];
    const joins = main.kind === 'step' && !main.choices?.length && next?.kind === 'question' && next.stepId === main.stepId && !next.links?.length;
    out.push(joins ? { main, question: next } : { main });
    if (joins) i += 1;
  }
  return out;
}

/** Submit button: Web Chat performs the embedded messageBack (the label shows as the user's bubble); any other
 *  Adaptive Card host posts `data` itself, whose top-level `action`/`stepId` activity-to-input reads the same way. */
function submitAction(choice: Choice, stepId?: string): Record<string, unknown> {
  const value: WebChatChoiceValue = stepId ? { action: choice.value, stepId } : { action: choice.value };
  return {
    type: 'Action.Submit',
    title: choice.label,
    data: { ...value, __isBotFrameworkCardAction: true, cardAction: choiceAction(choice, stepId) },
  };
}

function card(unit: Unit, twin: string): Attachment {
  const { main, question } = unit;
  const links = main.links ?? [];
  const choices = question?.choices ?? main.choices ?? [];
  const stepId = question?.stepId ?? main.stepId;
  const body: Record<string, unknown>[] = [];
  if (main.title) body.push({ type: 'TextBlock', text: safe(main.title), size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' });
  body.push({ type: 'TextBlock', text: safe(main.text), wrap: true });
  if (main.detail) body.push(detailActionSet(main.detail, safe));
  if (main.lines?.length) body.push({ type: 'TextBlock', text: safe(asList(main.lines)), wrap: true, spacing: 'Small' });
  // A link that is not http(s) is never a button: it stays readable as text in the summary twin only.
  const webLinks = links.filter(isWebLink);
  if (webLinks.length) body.push({ type: 'ActionSet', actions: webLinks.map((l) => ({ type: 'Action.OpenUrl', title: l.title, url: l.url, iconUrl: LINK_ICON })) });
  if (question) body.push({ type: 'TextBlock', text: safe(question.text), wrap: true, weight: 'Bolder', spacing: 'Medium' });
  const checklist = checklistOf(main, fitsChoiceSet);
  const parts = checklist ? checklistParts(checklist, stepId) : { inputs: [], actions: choices.map((c) => submitAction(c, stepId)) };
  body.push(...parts.inputs);
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: twin,
      body,
      actions: parts.actions,
    },
  };
}

export function createWebChatRenderer(options: { maxTextLength?: number } = {}): Renderer<WebChatPayload> {
  const maxTextLength = options.maxTextLength ?? 4000;
  /** Too long for one card (rare): the Bot Framework rendering split into text messages, with room left for escapes. */
  function renderLong(replies: Reply[], twin: string): WebChatPayload[] {
    const escapes = twin.length - twin.replace(/</g, '').length;
    const long = createBotFrameworkRenderer({ maxTextLength: Math.max(maxTextLength - escapes, Math.ceil(maxTextLength / 2)), channels: ['webchat'] });
    return long.render(replies).map((p) => (p.text ? { ...p, text: safe(p.text) } : p));
  }

  function renderUnit(unit: Unit): WebChatPayload[] {
    const { main, question } = unit;
    const twin = joinParts([twinOf(main), question ? twinOf(question) : undefined]);
    if (safe(twin).length > maxTextLength) return renderLong(question ? [main, question] : [main], twin);
    const isCard = CARD_KINDS.has(main.kind) || !!main.links?.length || !!question || !!main.detail || main.pick === 'many' || (!!main.choices?.length && !!main.stepId);
    if (isCard) return [{ type: 'message', summary: twin, attachments: [card(unit, twin)] }];
    const choices = main.choices ?? [];
    const text = safe(joinParts([main.title ? `**${main.title}**` : undefined, main.text, main.lines?.length ? asList(main.lines) : undefined, main.links?.length ? markdownLinks(main.links.filter(isWebLink)) : undefined]));
    const activity: WebChatPayload = { type: 'message', text, textFormat: 'markdown', ...(twin !== text ? { summary: twin } : {}) };
    if (choices.length) activity.suggestedActions = { to: [], actions: choices.map((c) => choiceAction(c, main.stepId)) };
    return [activity];
  }

  return {
    channels: ['webchat', 'directline'],
    maxTextLength,
    render: (replies) => units(replies).flatMap(renderUnit),
    readableText: (payloads) => payloads.map(readable).join('\n'),
    actions: (payloads) => payloads.flatMap(actionsOf),
  };
}

function readable(activity: BotFrameworkPayload): string {
  const parts = [activity.text?.replace(/\\</g, '<'), ...(activity.suggestedActions?.actions ?? []).map((a: CardAction) => a.title)];
  for (const attachment of activity.attachments ?? []) if (isAdaptiveCard(attachment)) parts.push(cardText(attachment.content));
  return parts.filter(Boolean).join('\n');
}

function actionsOf(activity: BotFrameworkPayload): { label: string; value: string }[] {
  const suggested = (activity.suggestedActions?.actions ?? []).map((a: CardAction) => ({ label: a.title, value: String((a.value as WebChatChoiceValue)?.action ?? a.value) }));
  const inCards = (activity.attachments ?? []).filter(isAdaptiveCard).flatMap((a) => cardActions(a.content));
  return [...suggested, ...inCards];
}

/** The text a client shows where cards or buttons are not rendered: the `summary` twin, or the message text. */
export const webChatFallbackText = (activity: WebChatPayload): string => activity.summary ?? activity.text ?? '';
