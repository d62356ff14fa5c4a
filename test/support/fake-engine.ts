// A tiny scripted Engine for edge tests (no knowledge, no NLU): predictable replies and effects by keyword.
//   conversation_start → "welcome" with 3 choices · "start" → a step + did-it-fix question (in_flow)
//   action yes → resolved · "human" → handoff effect · "start over" → cancel_handoff when handed off · "??" → unrecognized · "boom" → throws · pick_up → "pick_up"
//   "count" → "turns: <n>" (to see a session survive) · "checklist" → a checklist (Done sends `picked`) · "how" → a step
//   with a "show me how" detail + its question · a checklist submit → "picked: <values> (<action>)"
//   · anything else → "echo: <text>" (presses echo their value)
import type { Engine, Knowledge, Reply, Session, TurnInput, TurnResult } from '../../dialogs';
import type { Brain } from '../../bot/brain';

export interface FakeEngine extends Engine {
  /** Every input the engine saw, in order. */
  readonly inputs: TurnInput[];
}

const fresh = (): Session => ({ version: 1, status: 'idle', steps: [], facts: {}, misses: 0, turns: 0 });
const yesNo = [
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
  { label: 'Already tried', value: 'tried' },
];

/** The fake's checklist: three fixes to tick, sent together by Done. */
export const checklistReply: Reply = {
  kind: 'checklist',
  text: 'Tick what you tried already, then press Done.',
  pick: 'many',
  choices: [
    { label: 'Free up iCloud storage', value: 'step:check_storage' },
    { label: 'Check your Wi-Fi', value: 'step:check_wifi' },
    { label: 'Update iOS', value: 'step:update_ios' },
  ],
  submit: { label: 'Done', value: 'tried' },
  stepId: 'check_storage',
};

/** The fake's step with a "show me how" detail. */
export const howStep: Reply = {
  kind: 'step',
  title: 'Update iOS',
  text: 'Install the latest iOS.',
  stepId: 'update_ios',
  detail: { label: 'Show me how', text: 'Open Settings, then General, then Software Update, and tap Update Now.' },
};

export function createFakeEngine(): FakeEngine {
  const inputs: TurnInput[] = [];
  function turn(previous: Session | undefined, input: TurnInput): TurnResult {
    inputs.push(input);
    const session: Session = { ...(previous ?? fresh()), turns: (previous?.turns ?? 0) + 1, lastUserText: input.text };
    const text = input.text?.trim() ?? '';
    const action = input.action?.value;
    const result = (s: Session, replies: TurnResult['replies'], effects: TurnResult['effects'] = [], route = 'fake'): TurnResult => ({
      session: s, replies, effects, trace: { route, intent: route }, events: [],
    });
    if (input.kind === 'conversation_start') return result(session, [{ kind: 'text', text: 'welcome', choices: yesNo.slice(0, 2) }], [], 'welcome');
    if (input.kind === 'pick_up') return result(session, [{ kind: 'question', text: `pick_up after: ${text}` }], [], 'pick_up');
    if (input.kind === 'handoff_status') return result(session, [{ kind: 'handoff', text: `handoff ${input.handoffStatus}` }], [], 'handoff_status');
    if (text === 'boom') throw new Error('engine exploded');
    if (text === 'start') {
      const s: Session = { ...session, status: 'in_flow', flowId: 'flow', stepId: 'restart', pending: { kind: 'did_it_fix', flowId: 'flow', stepId: 'restart' } };
      return result(s, [
        { kind: 'step', title: 'Restart', text: 'Restart your phone.', stepId: 'restart' },
        { kind: 'question', text: 'Did that fix it?', choices: yesNo, stepId: 'restart' },
      ], [], 'start');
    }
    if (action === 'yes') return result({ ...session, status: 'resolved' }, [{ kind: 'text', text: 'fixed' }], [{ type: 'resolved', flowId: 'flow', stepId: 'restart' }], 'yes');
    if (text === 'human') {
      const story = { reason: 'user_asked' as const, flowId: 'flow', steps: session.steps, facts: { region: 'US' }, lastUserWords: text, summary: ['Restart: not fixed'] };
      return result({ ...session, status: 'handoff' }, [{ kind: 'handoff', text: 'handing over' }], [{ type: 'handoff', story }], 'human');
    }
    if (text === 'start over') {
      const effects: TurnResult['effects'] = session.status === 'handoff' ? [{ type: 'cancel_handoff' }] : [];
      return result({ ...session, status: 'idle' }, [{ kind: 'text', text: 'started over' }], effects, 'start_over');
    }
    if (text === 'checklist') return result(session, [checklistReply], [], 'checklist');
    if (text === 'how') return result(session, [howStep, { kind: 'question', text: 'Did that fix it?', choices: yesNo, stepId: 'update_ios' }], [], 'how');
    if (input.action?.picked) return result(session, [{ kind: 'text', text: `picked: ${input.action.picked.join(' ') || '-'} (${action})` }], [], 'picked');
    if (text === 'count') return result(session, [{ kind: 'text', text: `turns: ${session.turns}` }]);
    if (text === '??') return result(session, [{ kind: 'text', text: 'fallback' }], [{ type: 'unrecognized', text, ranking: [{ intent: 'x', confidence: 0.1 }] }], 'fallback');
    return result(session, [{ kind: 'text', text: `echo: ${action ?? text}` }]);
  }
  return { inputs, turn };
}

/** Knowledge with nothing but the `error` reply: enough for the edge around a fake engine. */
export const fakeKnowledge: Knowledge = {
  replies: { error: { text: ['Sorry, something broke on our side (fake).'], choices: [{ label: 'Talk to a person', value: 'human' }] } },
  intents: [],
  outOfScope: [],
  entities: [],
  flows: [],
  contacts: [],
  hash: 'fake',
};

/** A Brain for `startBot({ brain })`: the fake engine over the fake knowledge. */
export function createFakeBrain(): Brain & { engine: FakeEngine } {
  return { knowledge: fakeKnowledge, engine: createFakeEngine() };
}
