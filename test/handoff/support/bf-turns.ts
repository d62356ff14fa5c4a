// Reading a Bot Framework conversation the way a channel client would: which step the buttons belong to, and a
// failure message that carries the whole transcript.
import type { Activity } from 'botbuilder';
import type { BfConversation, Turn } from '../../support/bf-conversation';
import { asksDiagnosis, NOT_SURE, NOT_SURE_LABEL } from '../../support/diagnosis';

/** The step id the last "did that fix it?" buttons belong to. */
export function askedStep(turn: Turn): string | undefined {
  const buttons = turn.replies.flatMap((r: Partial<Activity>) => r.suggestedActions?.actions ?? []);
  return buttons.map((b) => (b.value as { stepId?: string } | undefined)?.stepId).find(Boolean);
}

/** Presses "No" at every step until the bot stops asking: every fix failed. Returns the steps and the last turn. */
export async function failEveryStep(chat: BfConversation): Promise<{ tried: string[]; last: Turn }> {
  let last = await chat.press('intent:backup_failed', undefined, 'My backup failed');
  if (asksDiagnosis(last.replies)) last = await chat.press(NOT_SURE, undefined, NOT_SURE_LABEL);
  const tried: string[] = [];
  for (let i = 0; i < 20 && askedStep(last); i += 1) {
    tried.push(askedStep(last) as string);
    last = await chat.press('no', tried[tried.length - 1], 'No');
  }
  return { tried, last };
}

/** Runs a test body; a failure message gets the conversation's transcript. */
export async function withTranscript(chat: BfConversation, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof Error) err.message += `\n\nTranscript:\n${chat.transcript()}`;
    throw err;
  }
}
