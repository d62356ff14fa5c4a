// Block Kit building blocks for one reply: mrkdwn sections (≤ 3000 characters each), link lists, and buttons whose
// value is JSON { action, stepId } — what the interactivity handler reads back when a button is clicked.
import type { types } from '@slack/bolt';
import type { Choice, Link } from '../../dialogs';
import { PICK_MANY } from '../picked-values';
import { escapeSlack, slackLink } from './mrkdwn';

export type SlackBlock = types.KnownBlock;

/**
 * Slack's limits (Block Kit reference): section text, button label, button value, elements per actions block, blocks
 * per message, checkbox options per element, an option's text and value.
 */
export const SLACK_LIMITS = {
  sectionText: 3000, buttonText: 75, buttonValue: 2000, actionsPerBlock: 25, blocksPerMessage: 50, optionsPerCheckboxes: 10, optionText: 75, optionValue: 150,
} as const;

/** What a button carries in `value`, as JSON; `pick: 'many'` marks a checklist's submit (see checklist-blocks.ts). */
export interface ButtonValue {
  readonly action: string;
  readonly stepId?: string;
  readonly pick?: typeof PICK_MANY;
}

/** The prefix of every choice button's action_id; the interactivity handler listens for it. */
export const CHOICE_ACTION_PREFIX = 'choice';

export function section(mrkdwn: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

export function context(mrkdwn: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn }] };
}

/** Links as a bulleted mrkdwn list (no button: a URL button would still send us a click to acknowledge). */
export function linkList(links: readonly Link[]): string {
  return links.map((l) => `• ${slackLink(l.url, l.title)}`).join('\n');
}

/** Copyable lines as a code block, escaped. */
export function codeLines(lines: readonly string[]): string {
  return `\`\`\`${escapeSlack(lines.join('\n'))}\`\`\``;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The buttons for the choices: action_id unique in the message (`choice:<block>:<n>`), value JSON { action, stepId }. */
export function choiceBlocks(choices: readonly Choice[], stepId: string | undefined, blockKey: string): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  for (let start = 0; start < choices.length; start += SLACK_LIMITS.actionsPerBlock) {
    const elements = choices.slice(start, start + SLACK_LIMITS.actionsPerBlock).map((choice, i): types.Button => {
      const value: ButtonValue = stepId ? { action: choice.value, stepId } : { action: choice.value };
      return {
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}:${blockKey}:${start + i}`,
        text: { type: 'plain_text', text: truncate(choice.label, SLACK_LIMITS.buttonText), emoji: true },
        value: JSON.stringify(value),
      };
    });
    blocks.push({ type: 'actions', block_id: `choices:${blockKey}:${start}`, elements });
  }
  return blocks;
}

/** Reads a button's value back; undefined for anything that is not our JSON (a forged or foreign click). */
export function parseButtonValue(value: unknown): ButtonValue | undefined {
  if (typeof value !== 'string' || value.length > SLACK_LIMITS.buttonValue) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { action, stepId, pick } = parsed as Record<string, unknown>;
    if (typeof action !== 'string' || !action.trim()) return undefined;
    return { action, ...(typeof stepId === 'string' ? { stepId } : {}), ...(pick === PICK_MANY ? { pick } : {}) };
  } catch {
    return undefined;
  }
}
