// One Bot Framework conversation driven through POST /api/messages, replies read back from the service URL sink.
// Keeps a transcript to print when a test fails.
import type { Activity } from 'botbuilder';
import { createActivityBuilder, type ActivityBuilder, type ConversationOptions } from './activity-builders';
import type { ServiceUrlSink } from './service-url-sink';
import type { HttpAnswer, RunningBot } from './start-bot';

export interface Turn {
  readonly status: number;
  readonly answer: HttpAnswer;
  readonly replies: Partial<Activity>[];
  /** All reply texts joined, for regex assertions. */
  readonly text: string;
}

export interface BfConversation {
  readonly build: ActivityBuilder;
  send(activity: Partial<Activity>): Promise<Turn>;
  say(text: string): Promise<Turn>;
  press(action: string, stepId?: string, label?: string): Promise<Turn>;
  join(): Promise<Turn>;
  /** Points later turns at another bot process (a restart on the same DATA_DIR). */
  useBot(bot: RunningBot): void;
  /** Everything said so far, for failure messages. */
  transcript(): string;
}

export function createBfConversation(bot: RunningBot, sink: ServiceUrlSink, options: Partial<ConversationOptions> = {}): BfConversation {
  const build = createActivityBuilder({ serviceUrl: sink.url, ...options });
  const lines: string[] = [];
  let current = bot;
  const describe = (a: Partial<Activity>): string =>
    a.type === 'message' ? `${a.text ?? ''}${a.value ? ` ${JSON.stringify(a.value)}` : ''}` : `<${a.type}${a.name ? ` ${a.name}` : ''}>`;

  async function send(activity: Partial<Activity>): Promise<Turn> {
    lines.push(`user> ${describe(activity)}`);
    const answer = await current.post(activity);
    const replies = sink.messages(build.conversationId, activity.id);
    for (const r of replies) {
      const buttons = r.suggestedActions?.actions.map((b) => b.title).join(' | ');
      lines.push(`bot>  ${(r.text ?? '').replace(/\n/g, '\n      ')}${buttons ? `\n      [${buttons}]` : ''}`);
    }
    if (answer.status >= 300) lines.push(`      (HTTP ${answer.status} ${answer.text.slice(0, 200)})`);
    return { status: answer.status, answer, replies, text: replies.map((r) => r.text ?? '').join('\n') };
  }

  return {
    build,
    send,
    say: (text) => send(build.message(text)),
    press: (action, stepId, label) => send(build.press(action, stepId, label)),
    join: () => send(build.joined()),
    useBot: (next) => {
      current = next;
    },
    transcript: () => lines.join('\n'),
  };
}
