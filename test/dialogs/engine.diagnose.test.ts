// Diagnose before prescribing: the question when no cause is named, answers by button, words or "not sure", the plan
// it sets, a first message that already answers it, and steps offered only for a known fact.
import { createEngine, type Flow, type Knowledge } from '../../dialogs';
import { chat, fakeUnderstander, ids, knowledge, TABLE } from './fixtures';

const base = knowledge.flows[0];
const flow: Flow = {
  ...base,
  steps: [...base.steps, { id: 'computer_cable', title: 'Title computer_cable', say: 'Try another cable.', links: [], intents: [], only: { backup_target: ['computer'] } }],
  diagnose: {
    say: 'What does the message say?',
    options: [
      { id: 'storage', label: 'Not enough storage', intents: ['storage_full'], errors: ['not_enough_storage'], facts: { backup_target: 'icloud' }, try: ['check_storage'] },
      { id: 'failed', label: 'It failed', intents: [], errors: ['could_not_complete'], facts: { backup_target: 'icloud' }, try: ['icloud_status', 'restart'] },
      { id: 'computer', label: 'To a computer', intents: [], errors: [], facts: { backup_target: 'computer' }, try: ['computer_cable', 'restart'] },
      { id: 'unknown', label: 'Not sure', intents: [], errors: [], facts: {}, try: [] },
    ],
  },
};
const k: Knowledge = { ...knowledge, flows: [flow], entities: [...knowledge.entities, { name: 'backup_target', values: { icloud: ['icloud'], computer: ['computer'] }, labels: { icloud: 'iCloud', computer: 'a computer' } }] };
const table = { ...TABLE, 'no idea': { intent: 'unknown', answer: 'unsure' as const }, 'it says not enough storage': 'storage_full' };
const engine = createEngine({ knowledge: k, understander: fakeUnderstander(table) });

describe('engine: diagnose before prescribing', () => {
  it('asks the one question when the first message names no cause; a button answers it and sets the plan', () => {
    const c = chat(engine);
    const asked = c.say('my backup failed');
    expect(asked.replies).toEqual([expect.objectContaining({ kind: 'question', text: 'What does the message say?' })]);
    expect(asked.replies[0].choices?.map((x) => x.value)).toEqual(['diag:storage', 'diag:failed', 'diag:computer', 'diag:unknown']);
    expect(asked.events).toEqual([{ type: 'flow_started', flow: 'backup' }]);
    const r = c.press('diag:failed');
    expect(ids(r)).toEqual(['step:icloud_status', 'did_it_fix']);
    expect(r.session).toMatchObject({ plan: ['icloud_status', 'restart'], facts: { backup_target: 'icloud' } });
    expect(r.events.filter((e) => e.type === 'flow_started')).toEqual([]);
    expect(ids(c.press('no'))).toContain('step:restart');
    // The plan done, the usual order for the rest.
    expect(ids(c.press('no'))).toContain('step:check_storage');
  });

  it('a typed number or words answer it too', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.say('3'))).toEqual(['step:computer_cable', 'did_it_fix']);
    const d = chat(engine);
    d.say('my backup failed');
    expect(ids(d.say('it says not enough storage'))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('"not sure" (or words it cannot place) takes the usual order', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say('no idea');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
    expect(r.session.plan).toBeUndefined();
  });

  it('a first message that already says where to start skips the question', () => {
    expect(ids(chat(engine).say('it says could not be completed'))).toEqual(['step:icloud_status', 'did_it_fix']);
    expect(ids(chat(engine).say('my computer backup failed'))).toEqual(['step:computer_cable', 'did_it_fix']);
  });

  it('a step offered only for a known fact is never offered to someone who did not say it', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.press('diag:unknown');
    const shown: string[] = [];
    for (let i = 0; i < 10 && c.session?.status === 'in_flow'; i++) shown.push(...ids(c.press('no')).filter((x) => x.startsWith('step:')));
    expect(shown).not.toContain('step:computer_cable');
    expect(c.session?.status).toBe('escalated');
  });
});
