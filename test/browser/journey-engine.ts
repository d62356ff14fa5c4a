// A small scripted Engine for the browser tests: a two-step flow that ends in a fix or an escalation, so the page is
// exercised through the real edge pipeline (ConversationService, turn handler, Web Chat renderer) with known words.
// "what have I tried" answers with the fake engine's checklist (a submit is answered "Submitted: <n> ticked"), "how to
// update" with its step that folds a "show me how" detail. The brain keeps every input, for tests to read.
import type { Brain } from '../../bot/brain';
import type { Engine, Reply, Session, TurnInput, TurnResult } from '../../dialogs';
import { checklistReply, fakeKnowledge, howStep } from '../support/fake-engine';

const STEPS = [
  { stepId: 'check_storage', title: 'Free up iCloud storage', text: 'Open **Settings › [your name] › iCloud** and check the storage left.', links: [{ title: 'Manage iCloud storage', url: 'https://support.apple.com/en-us/108922' }] },
  { stepId: 'check_wifi', title: 'Check your Wi-Fi', text: 'Connect to a **strong Wi-Fi** network, then try the backup again.', links: [] },
] as const;
const answers = [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }, { label: 'Already tried', value: 'tried' }];
const fresh = (): Session => ({ version: 1, status: 'idle', steps: [], facts: {}, misses: 0, turns: 0 });

function stepReplies(index: number): Reply[] {
  const step = STEPS[index];
  return [
    { kind: 'step', title: step.title, text: step.text, links: [...step.links], stepId: step.stepId },
    { kind: 'question', text: 'Did that fix it?', choices: answers, stepId: step.stepId },
  ];
}

function turn(previous: Session | undefined, input: TurnInput): TurnResult {
  const session: Session = { ...(previous ?? fresh()), turns: (previous?.turns ?? 0) + 1 };
  const done = (s: Session, replies: Reply[]): TurnResult => ({ session: s, replies, effects: [], trace: { route: 'journey' }, events: [] });
  const action = input.action?.value;
  const at = STEPS.findIndex((s) => s.stepId === session.stepId);
  if (input.kind === 'conversation_start') {
    return done(session, [{ kind: 'text', text: 'Hi! I fix iPhone backups that fail.', choices: [{ label: 'My backup failed', value: 'intent:backup_failed' }] }]);
  }
  if (/what have I tried/i.test(input.text ?? '')) return done(session, [checklistReply]);
  if (/how to update/i.test(input.text ?? '')) return done(session, [howStep, { kind: 'question', text: 'Did that fix it?', choices: answers, stepId: howStep.stepId }]);
  if (input.action?.picked) return done(session, [{ kind: 'text', text: `Submitted: ${input.action.picked.length} ticked` }]);
  if (action === 'intent:backup_failed' || /backup/i.test(input.text ?? '')) {
    return done({ ...session, status: 'in_flow', stepId: STEPS[0].stepId }, stepReplies(0));
  }
  if (at >= 0 && input.action?.stepId === session.stepId && action === 'yes') {
    return done({ ...session, status: 'resolved', stepId: undefined }, [{ kind: 'text', text: 'Great, your backup works again!' }]);
  }
  if (at >= 0 && input.action?.stepId === session.stepId && (action === 'no' || action === 'tried')) {
    if (at + 1 < STEPS.length) return done({ ...session, stepId: STEPS[at + 1].stepId }, stepReplies(at + 1));
    return done({ ...session, status: 'escalated', stepId: undefined }, [
      { kind: 'escalation', text: 'Nothing worked, sorry. Call Apple Support: 1-800-MY-APPLE.', links: [{ title: 'Contact Apple Support', url: 'https://support.apple.com/contact' }] },
      { kind: 'summary', title: 'What we tried', text: 'To copy for the advisor:', lines: ['- Free up iCloud storage: not fixed', '- Check your Wi-Fi: not fixed'] },
    ]);
  }
  return done(session, [{ kind: 'text', text: `You said: ${input.text ?? ''}` }]);
}

export function createJourneyBrain(): Brain & { readonly inputs: readonly TurnInput[] } {
  const inputs: TurnInput[] = [];
  const engine: Engine = { turn: (session, input) => (inputs.push(input), turn(session, input)) };
  return { knowledge: fakeKnowledge, engine, inputs };
}
