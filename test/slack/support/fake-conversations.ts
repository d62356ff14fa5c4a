// An in-memory ConversationService for Slack tests: records every request, answers a step with Yes/No buttons
// ("checklist": the fake engine's checklist, "how": its step with a "show me how" detail), and answers a button press
// with a plain acknowledgement. A repeated activity id is a duplicate, as in the real one.
import type { Reply } from '../../../dialogs';
import type { ConversationService, TurnOutcome, TurnRequest } from '../../../bot/ports';
import { checklistReply, howStep } from '../../support/fake-engine';

export interface FakeConversations extends ConversationService {
  readonly requests: TurnRequest[];
}

const session = { version: 1, status: 'in_flow', steps: [], facts: {}, misses: 0, turns: 1 } as const;

export function createFakeConversations(): FakeConversations {
  const requests: TurnRequest[] = [];
  const seen = new Set<string>();
  return {
    requests,
    async handle(request): Promise<TurnOutcome> {
      requests.push(request);
      if (request.activityId && seen.has(request.activityId)) return { replies: [], handledBy: 'duplicate', session };
      if (request.activityId) seen.add(request.activityId);
      const text = request.input.text;
      const replies: Reply[] = request.input.action
        ? [{ kind: 'text', text: `Noted: **${request.input.action.value}**` }]
        : text === 'checklist' ? [checklistReply]
        : text === 'how' ? [howStep]
        : [
            { kind: 'step', title: 'Check Wi-Fi', text: 'Open **Settings › Wi-Fi** & connect.', stepId: 'check_wifi', links: [{ title: 'Wi-Fi help', url: 'https://support.apple.com/wifi' }] },
            { kind: 'question', text: 'Did that fix it?', stepId: 'check_wifi', choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }] },
          ];
      return { replies, handledBy: 'bot', session };
    },
  };
}
