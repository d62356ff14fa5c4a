// Slack button clicks (block_actions) → TurnRequests, and the message update that replaces the buttons with the
// choice made, so the same question cannot be answered twice from that message. A checklist's submit carries the
// boxes ticked in its block (the payload's `state.values`) as `picked`.
import { PICK_MANY, readPicked } from '../picked-values';
import type { TurnRequest } from '../ports';
import { context, parseButtonValue, SLACK_LIMITS, type SlackBlock } from './blocks';
import { slackConversationKey, type SlackThread } from './messages';
import { escapeSlack } from './mrkdwn';

/** The fields of a block_actions payload we read. */
export interface BlockActionsBody {
  readonly team?: { readonly id?: string } | null;
  readonly user?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string };
  readonly message?: { readonly ts?: string; readonly thread_ts?: string; readonly blocks?: readonly SlackBlock[]; readonly text?: string };
  readonly actions?: readonly { readonly action_id?: string; readonly block_id?: string; readonly value?: string; readonly text?: { readonly text?: string }; readonly action_ts?: string }[];
  /** The message's inputs at the click: block_id → action_id → state (checkboxes: `selected_options`). */
  readonly state?: { readonly values?: unknown };
}

/** A ticked box as Slack reports it. */
interface CheckedOption {
  readonly value: string;
  readonly label: string;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The boxes ticked in one block (the submit's own: another checklist in the message is not read), defensively. */
function checkedIn(state: BlockActionsBody['state'], blockId: string | undefined): CheckedOption[] {
  const block = isRecord(state?.values) && blockId ? state.values[blockId] : undefined;
  if (!isRecord(block)) return [];
  return Object.values(block).flatMap((element) => {
    if (!isRecord(element) || element.type !== 'checkboxes' || !Array.isArray(element.selected_options)) return [];
    return element.selected_options.flatMap((o: unknown) => {
      if (!isRecord(o) || typeof o.value !== 'string') return [];
      const label = isRecord(o.text) && typeof o.text.text === 'string' ? o.text.text : o.value;
      return [{ value: o.value, label }];
    });
  });
}

export interface Click {
  readonly request: TurnRequest;
  readonly thread: SlackThread;
  /** The clicked message's ts: the one chat.update rewrites. */
  readonly messageTs: string;
  readonly label: string;
  /** A checklist's submit: the labels of the boxes ticked, for the line that replaces the buttons. */
  readonly pickedLabels?: readonly string[];
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
  const checked = value.pick === PICK_MANY ? checkedIn(body.state, action.block_id) : undefined;
  const picked = checked ? readPicked(checked.map((o) => o.value)) : undefined;
  const pickedLabels = picked?.map((v) => checked?.find((o) => o.value === v)?.label ?? v);
  return {
    thread,
    messageTs,
    label,
    ...(pickedLabels ? { pickedLabels } : {}),
    request: {
      address: { channel: 'slack', conversationKey: slackConversationKey(thread), reference: { ...thread } },
      user: { id: userId, ...(body.user?.name ? { name: body.user.name } : {}) },
      input: {
        kind: 'message',
        text: label,
        action: { value: value.action, ...(value.stepId ? { stepId: value.stepId } : {}), ...(picked ? { picked } : {}) },
        now: now.toISOString(),
      },
      activityId: `${channel}:${messageTs}:${action.action_id ?? ''}:${action.action_ts ?? ''}`,
    },
  };
}

/**
 * The clicked message's blocks with every actions block removed and one context line, "chosen", put where the first
 * one was. `chosen` fills `{choice}` in the template (from knowledge); the default is a check mark and the label.
 * A checklist's line names the boxes ticked after the submit's label.
 */
export function blocksAfterChoice(blocks: readonly SlackBlock[], label: string, template = ':white_check_mark: {choice}', pickedLabels: readonly string[] = []): SlackBlock[] {
  const picked = pickedLabels.length ? `: ${pickedLabels.map(escapeSlack).join(', ')}` : '';
  const chosen = escapeSlack(template).replace('{choice}', `*${escapeSlack(label)}*${picked}`);
  const line = context(chosen.length > SLACK_LIMITS.sectionText ? `${chosen.slice(0, SLACK_LIMITS.sectionText - 1)}…` : chosen);
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
