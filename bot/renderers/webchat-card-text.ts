// Reads our Adaptive Cards back (for the renderer contract and tests): their readable text and their buttons.
import type { Attachment } from 'botbuilder';
import type { RenderedAction } from './types';

type Json = Readonly<Record<string, unknown>>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isJson) : []);
/** Undoes the card-safety escape (`\<`), so readable text compares with what the engine said. */
const unescape = (text: string): string => text.replace(/\\</g, '<');

export const isAdaptiveCard = (attachment: Attachment): attachment is Attachment & { content: Json } =>
  attachment.contentType === 'application/vnd.microsoft.card.adaptive' && isJson(attachment.content);

/** Every element of a card body, depth first (containers and action sets included). */
function elements(items: readonly Json[]): Json[] {
  return items.flatMap((item) => [item, ...elements(list(item.items))]);
}

function allActions(content: Json): Json[] {
  const nested = elements(list(content.body)).filter((e) => e.type === 'ActionSet').flatMap((e) => list(e.actions));
  return [...nested, ...list(content.actions)];
}

/** The boxes of the card's multi-select inputs, as label + value. */
function boxes(content: Json): { label: string; value: string }[] {
  return elements(list(content.body))
    .filter((e) => e.type === 'Input.ChoiceSet')
    .flatMap((e) => list(e.choices).map((c) => ({ label: String(c.title ?? ''), value: String(c.value ?? '') })));
}

/** The card's text blocks, boxes and button titles, in reading order, with the text each ShowCard unfolds. */
export function cardText(content: Json): string {
  const texts = elements(list(content.body))
    .filter((e) => e.type === 'TextBlock' && typeof e.text === 'string')
    .map((e) => unescape(String(e.text)));
  const titles = allActions(content).flatMap((a) => [String(a.title ?? ''), ...(isJson(a.card) ? [cardText(a.card)] : [])]);
  return [...texts, ...boxes(content).map((b) => b.label), ...titles].filter(Boolean).join('\n');
}

/** Buttons that send something, as label + what: the URL for Action.OpenUrl, the action token (and boxes) for Submit. */
export function cardActions(content: Json): RenderedAction[] {
  return allActions(content).flatMap((a): RenderedAction[] => {
    const label = String(a.title ?? '');
    if (a.type === 'Action.ShowCard') return [];
    if (a.type === 'Action.OpenUrl') return [{ label, value: String(a.url ?? '') }];
    const data = isJson(a.data) ? a.data : {};
    const value = typeof data.action === 'string' ? data.action : JSON.stringify(a.data ?? null);
    return [{ label, value, ...(data.pick !== undefined ? { picks: boxes(content) } : {}) }];
  });
}
