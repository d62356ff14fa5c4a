// The Slack Block Kit renderer (Slack direct, via @slack/bolt): each payload is one chat.postMessage body — blocks
// (mrkdwn sections, links, buttons) plus the `text` fallback Slack shows in notifications and where blocks cannot.
import type { Reply } from '../../dialogs';
import { choiceBlocks, codeLines, linkList, section, SLACK_LIMITS, type SlackBlock } from '../slack/blocks';
import { escapeSlack, toMrkdwn, unescapeSlack } from '../slack/mrkdwn';
import { joinParts, numberedChoices, plainLinks, splitText, stripMarkdown } from './text-tools';
import type { Renderer } from './types';

export interface SlackMessage {
  /** The plain-text twin (escaped mrkdwn): notifications, screen readers, clients without blocks. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export interface SlackRendererOptions {
  /** Longest text per message; at most Slack's 3000 characters per section. */
  readonly maxTextLength?: number;
}

function fallbackOf(reply: Reply, text: string, first: boolean, last: boolean): string {
  return escapeSlack(
    joinParts([
      first ? reply.title : undefined,
      stripMarkdown(text),
      last && reply.lines?.length ? reply.lines.join('\n') : undefined,
      last && reply.links?.length ? plainLinks(reply.links) : undefined,
      last && reply.choices?.length ? numberedChoices(reply.choices, 'plain') : undefined,
    ]),
  );
}

export function createSlackRenderer(options: SlackRendererOptions = {}): Renderer<SlackMessage> {
  const maxTextLength = Math.min(options.maxTextLength ?? SLACK_LIMITS.sectionText, SLACK_LIMITS.sectionText);

  /** Splits the reply text until both the section (mrkdwn) and the fallback of every chunk fit; escaping grows text. */
  function chunksOf(reply: Reply): string[] {
    const extras = fallbackOf(reply, '', true, true).length;
    const fits = (chunk: string, first: boolean, last: boolean) =>
      toMrkdwn(chunk).length <= maxTextLength && fallbackOf(reply, chunk, first, last).length <= maxTextLength;
    const split = (text: string, budget: number): string[] =>
      splitText(text, budget).flatMap((chunk) => (fits(chunk, true, true) || budget < 8 ? [chunk] : split(chunk, Math.floor(budget / 2))));
    return split(reply.text, Math.max(Math.floor(maxTextLength / 4), maxTextLength - extras - 8));
  }

  function renderReply(reply: Reply, index: number): SlackMessage[] {
    const chunks = chunksOf(reply);
    return chunks.map((chunk, i) => {
      const [first, last] = [i === 0, i === chunks.length - 1];
      const blocks: SlackBlock[] = [];
      if (first && reply.title) blocks.push(section(`*${escapeSlack(reply.title)}*`));
      if (chunk.trim()) blocks.push(section(toMrkdwn(chunk)));
      if (last && reply.lines?.length) blocks.push(section(codeLines(reply.lines).slice(0, SLACK_LIMITS.sectionText)));
      if (last && reply.links?.length) blocks.push(section(linkList(reply.links).slice(0, SLACK_LIMITS.sectionText)));
      if (last && reply.choices?.length) blocks.push(...choiceBlocks(reply.choices, reply.stepId, String(index)));
      return { text: fallbackOf(reply, chunk, first, last) || ' ', blocks: blocks.slice(0, SLACK_LIMITS.blocksPerMessage) };
    });
  }

  return {
    channels: ['slack'],
    maxTextLength,
    render: (replies) => replies.flatMap(renderReply),
    readableText: (payloads) => payloads.map(slackReadableText).join('\n'),
    actions: (payloads) => payloads.flatMap(slackActions),
  };
}

/** Everything a user reads in a message's blocks (section and context text, button labels), unescaped. */
export function slackReadableText(message: SlackMessage): string {
  const parts: string[] = [];
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) parts.push(block.text.text);
    if (block.type === 'context') for (const e of block.elements) if ('text' in e && typeof e.text === 'string') parts.push(e.text);
    if (block.type === 'actions') for (const e of block.elements) if (e.type === 'button') parts.push(e.text.text);
  }
  return unescapeSlack(parts.join('\n'));
}

/** Every button in a message: its label and the action token in its JSON value, or its URL. */
export function slackActions(message: SlackMessage): { label: string; value: string }[] {
  return message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e) => {
          if (e.type !== 'button') return [];
          const parsed = e.value ? (JSON.parse(e.value) as { action?: string }) : undefined;
          return [{ label: e.text.text, value: parsed?.action ?? e.url ?? '' }];
        })
      : [],
  );
}
