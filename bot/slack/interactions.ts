// Slack button clicks (block_actions) → TurnRequests, and the message update that replaces the buttons with the
// choice made, so the same question cannot be answered twice from that message.
import type { TurnRequest } from '../ports';
import { context, parseButtonValue, type SlackBlock } from './blocks';
import { slackConversationKey, type SlackThread } from './messages';
import { escapeSlack } from './mrkdwn';

/** The fields of a block_actions payload we read. */
export interface BlockActionsBody {
  readonly team?: { readonly id?: string } | null;
  readonly user?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string };
  readonly message?: { readonly ts?: string; readonly thread_ts?: string; readonly blocks?: readonly SlackBlock[]; readonly text?: string };
  readonly actions?: readonly { readonly action_id?: string; readonly value?: string; readonly text?: { readonly text?: string }; readonly action_ts?: string }[];
}

export interface Click {
  readonly request: TurnRequest;
  readonly thread: SlackThread;
  /** The clicked message's ts: the one chat.update rewrites. */
  readonly messageTs: string;
  readonly label: string;
}

/** The turn for a click on one of our choice buttons, or undefined for a forged, foreign or incomplete payload. */
export function clickToRequest(body: BlockActionsBody, now: Date): Click | undefined {
  const action = body.actions?.[0];
  const value = parseButtonValue(action?.value);
  const channel = body.channel?.id;
  const messageTs = body.message?.ts;
  const userId = body.user?.id;
  if (!action || !value || !channel || !messageTs || !userId) return undefined;
  const thread: SlackThread = { team: body.team?.id ?? 'unknown', channel, thread_ts: body.message?.thread_ts ?? messageTs };
  const label = action.text?.text ?? value.action;
  return {
    thread,
    messageTs,
    label,
    request: {
      address: { channel: 'slack', conversationKey: slackConversationKey(thread), reference: { ...thread } },
      user: { id: userId, ...(body.user?.name ? { name: body.user.name } : {}) },
      input: { kind: 'message', text: label, action: value.stepId ? { value: value.action, stepId: value.stepId } : { value: value.action }, now: now.toISOString() },
      activityId: `${channel}:${messageTs}:${action.action_id ?? ''}:${action.action_ts ?? ''}`,
    },
  };
}

/**
 * The clicked message's blocks with every actions block removed and one context line, "chosen", put where the first
 * one was. `chosen` fills `{choice}` in the template (from knowledge); the default is a check mark and the label.
 */
export function blocksAfterChoice(blocks: readonly SlackBlock[], label: string, template = ':white_check_mark: {choice}'): SlackBlock[] {
  const line = context(escapeSlack(template).replace('{choice}', `*${escapeSlack(label)}*`));
  const out: SlackBlock[] = [];
  let placed = false;
  for (const block of blocks) {
    if (block.type !== 'actions') out.push(block);
    else if (!placed) {
      out.push(line);
      placed = true;
    }
  }
  if (!placed) out.push(line);
  return out;
}
