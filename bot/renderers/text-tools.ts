// Text helpers every renderer shares: the plain-text twin of choices and links, markdown stripping, safe splitting.
import type { Choice, Link, Reply } from '../../dialogs';

/** "1. Yes" lines: the plain-text twin of the choices; typing the number presses the choice (ConversationService). */
export function numberedChoices(choices: readonly Choice[], style: 'markdown' | 'plain' = 'markdown'): string {
  return choices.map((c, i) => (style === 'markdown' ? `${i + 1}. ${c.label}` : `  ${i + 1}) ${c.label}`)).join('\n');
}

/** A "show me how" detail as text, for channels that cannot fold it: its label as a heading, then the text. */
export function detailText(detail: Reply['detail'], style: 'markdown' | 'plain' = 'markdown'): string | undefined {
  if (!detail) return undefined;
  return style === 'markdown' ? joinParts([`**${detail.label}**`, detail.text]) : joinParts([detail.label, stripMarkdown(detail.text)]);
}

/** Links as a markdown list, `- [title](url)`. */
export function markdownLinks(links: readonly Link[]): string {
  return links.map((l) => `- [${l.title}](${l.url})`).join('\n');
}

/** Links as plain lines, `title: url`, for channels without markdown. */
export function plainLinks(links: readonly Link[]): string {
  return links.map((l) => `- ${l.title}: ${l.url}`).join('\n');
}

/** Our markdown subset (bold, italics, code, links) to plain text; links keep their URL in brackets. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** Joins the non-empty parts of a message with blank lines between them. */
export function joinParts(parts: readonly (string | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join('\n\n');
}

/**
 * Splits text into chunks of at most `max` characters, never cutting a word when a boundary exists:
 * a blank line first, then a line break, then a space; a hard cut only inside an unbroken run.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut <= 0) cut = window.lastIndexOf('\n');
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) {
      cut = max;
      // Do not split a surrogate pair (an emoji) in two.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut -= 1;
    }
    const head = rest.slice(0, cut).trimEnd();
    if (head) chunks.push(head);
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest || chunks.length === 0) chunks.push(rest);
  return chunks;
}
