// The terminal renderer (`npm run chat`): each reply as plain text, links spelled out, choices numbered (a checklist's
// boxes too: the user types their numbers), a "show me how" detail printed after the instruction.
import type { Reply } from '../../dialogs';
import type { Renderer } from './types';
import { detailText, joinParts, numberedChoices, plainLinks, splitText, stripMarkdown } from './text-tools';

export interface PlainTextRendererOptions {
  readonly channels?: readonly string[];
  readonly maxTextLength?: number;
}

/** Renders a reply as one block of plain text: title, body, detail, lines, `- title: url` links, `  1) label` choices. */
export function replyPlainText(reply: Reply): string {
  return joinParts([
    reply.title,
    stripMarkdown(reply.text),
    detailText(reply.detail, 'plain'),
    reply.lines?.length ? reply.lines.map(stripMarkdown).join('\n') : undefined,
    reply.links?.length ? plainLinks(reply.links) : undefined,
    reply.choices?.length ? numberedChoices(reply.choices, 'plain') : undefined,
  ]);
}

export function createPlainTextRenderer(options: PlainTextRendererOptions = {}): Renderer<string> {
  // A terminal has no real limit; the cap only keeps one pasted wall of text readable.
  const maxTextLength = options.maxTextLength ?? 20000;
  return {
    channels: options.channels ?? ['terminal'],
    maxTextLength,
    render: (replies) => replies.flatMap((reply) => splitText(replyPlainText(reply), maxTextLength)),
    readableText: (payloads) => payloads.join('\n'),
    // A terminal has no buttons: choices are pressed by typing their number.
    actions: () => [],
  };
}
