// The Slack Block Kit renderer (Slack direct, via @slack/bolt): each payload is one chat.postMessage body — blocks
// (mrkdwn sections, links, buttons) plus the `text` fallback Slack shows in notifications and where blocks cannot.
// A checklist is checkboxes and a submit button; a "show me how" detail is a button asking the engine for it.
import type { types } from '@slack/bolt';
import type { Reply } from '../../dialogs';
import { choiceBlocks, codeLines, linkList, section, SLACK_LIMITS, type SlackBlock } from '../slack/blocks';
import { checklistBlock, detailBlock, fitsSlack } from '../slack/checklist-blocks';
import { escapeSlack, toMrkdwn, unescapeSlack } from '../slack/mrkdwn';
import { checklistOf, forChannel } from './checklist';
import { joinParts, numberedChoices, plainLinks, splitText, stripMarkdown } from './text-tools';
import type { RenderedAction, Renderer } from './types';

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
    // Extras longer than the limit on their own (a long numbered list at a tiny limit) cannot fit beside any chunk:
    // then only the section must fit, or the text would be ground into pieces that cut words.
    const fits = (chunk: string, first: boolean, last: boolean) =>
      toMrkdwn(chunk).length <= maxTextLength && (extras >= maxTextLength || fallbackOf(reply, chunk, first, last).length <= maxTextLength);
    const split = (text: string, budget: number): string[] =>
      splitText(text, budget).flatMap((chunk) => (fits(chunk, true, true) || budget < 8 ? [chunk] : split(chunk, Math.floor(budget / 2))));
    return split(reply.text, Math.max(Math.floor(maxTextLength / 4), maxTextLength - extras - 8));
  }

  function renderReply(original: Reply, index: number): SlackMessage[] {
    const reply = forChannel(original, fitsSlack);
    const checklist = checklistOf(reply, fitsSlack);
    const chunks = chunksOf(reply);
    return chunks.map((chunk, i) => {
      const [first, last] = [i === 0, i === chunks.length - 1];
      const blocks: SlackBlock[] = [];
      if (first && reply.title) blocks.push(section(`*${escapeSlack(reply.title)}*`));
      if (chunk.trim()) blocks.push(section(toMrkdwn(chunk)));
      if (last && reply.detail) blocks.push(detailBlock(reply.detail, reply.stepId, String(index)));
      if (last && reply.lines?.length) blocks.push(section(codeLines(reply.lines).slice(0, SLACK_LIMITS.sectionText)));
      if (last && reply.links?.length) blocks.push(section(linkList(reply.links).slice(0, SLACK_LIMITS.sectionText)));
      if (last && checklist) blocks.push(checklistBlock(checklist, reply.stepId, String(index)));
      else if (last && reply.choices?.length) blocks.push(...choiceBlocks(reply.choices, reply.stepId, String(index)));
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

/** Every checkbox in an actions block, as label + value. */
function boxesOf(block: types.ActionsBlock): { label: string; value: string }[] {
  return block.elements.flatMap((e) => (e.type === 'checkboxes' ? e.options.map((o) => ({ label: o.text.text, value: o.value ?? '' })) : []));
}

/** Everything a user reads in a message's blocks (section and context text, button labels, boxes), unescaped. */
export function slackReadableText(message: SlackMessage): string {
  const parts: string[] = [];
  for (const block of message.blocks) {
    if (block.type === 'section' && block.text) parts.push(block.text.text);
    if (block.type === 'context') for (const e of block.elements) if ('text' in e && typeof e.text === 'string') parts.push(e.text);
    if (block.type === 'actions') {
      parts.push(...boxesOf(block).map((b) => b.label));
      for (const e of block.elements) if (e.type === 'button') parts.push(e.text.text);
    }
  }
  return unescapeSlack(parts.join('\n'));
}

/** Every button in a message: its label and the action token in its JSON value (with a checklist's boxes), or its URL. */
export function slackActions(message: SlackMessage): RenderedAction[] {
  return message.blocks.flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((e): RenderedAction[] => {
          if (e.type !== 'button') return [];
          const parsed = e.value ? (JSON.parse(e.value) as { action?: string; pick?: string }) : undefined;
          return [{ label: e.text.text, value: parsed?.action ?? e.url ?? '', ...(parsed?.pick ? { picks: boxesOf(block) } : {}) }];
        })
      : [],
  );
}
