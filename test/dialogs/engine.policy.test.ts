// Conversation policy: a person only where one exists, Apple Support on request, after escalation, navigation,
// "I tried everything", clarifying only when it matters, "later", the satisfaction question and the turn's events.
import { createEngine, type TurnResult } from '../../dialogs';
import { chat, fakeUnderstander, ids, knowledge, LIVE, NOBODY, TABLE, TICKETS } from './fixtures';

const engine = createEngine({ knowledge, understander: fakeUnderstander(TABLE) });
const offered = (r: TurnResult) => r.replies.flatMap((x) => x.choices ?? []).map((c) => c.value);
const events = (r: TurnResult) => r.events.map((e) => e.type);

describe('engine: a person, as configured', () => {
  it('nobody configured: says so, gives Apple Support and the summary, no handoff, then carries on', () => {
    const c = chat(engine, 'en-GB', undefined, { handoff: NOBODY });
    c.say('my backup failed');
    c.press('no');
    const r = c.say('talk to a person');
    expect(ids(r)).toEqual(['person_none', 'summary_title', 'resume']);
    expect(r.replies[0].text).toContain('0800 107 6285');
    expect(r.effects).toEqual([]);
    expect(r.session.status).toBe('in_flow');
    expect(r.events).toEqual([{ type: 'escalated', reason: 'asked_person', routes: ['apple'], flow: 'backup', step: 'check_wifi' }]);
    expect(c.press('resume').trace.route).toBe('resume:yes');
  });

  it('nobody configured: no reply offers a person', () => {
    const c = chat(engine, undefined, undefined, { handoff: NOBODY });
    expect(offered(c.start())).not.toContain('human');
    c.say('my backup failed');
    const r = c.say('help');
    expect(offered(r)).not.toContain('human');
  });

  it('the default input (no capabilities given) is nobody: no promise of a person', () => {
    const r = chat(engine).say('talk to a person');
    expect(ids(r)).toEqual(['person_none']);
    expect(r.effects).toEqual([]);
  });

  it('a help desk by ticket only: asks for the email, then makes the ticket with it', () => {
    const c = chat(engine, 'en-GB', undefined, { handoff: TICKETS });
    c.say('my backup failed');
    expect(ids(c.say('talk to a person'))).toEqual(['ticket_ask_email']);
    expect(ids(c.say('sorry what?'))).toEqual(['ticket_email_again']);
    const r = c.say('it is jo.bloggs@example.com thanks');
    expect(ids(r)).toEqual(['ticket_sent', 'resume']);
    expect(r.effects).toEqual([{ type: 'handoff', story: expect.objectContaining({ reason: 'user_asked', contact: { email: 'jo.bloggs@example.com' } }) }]);
    expect(r.events).toEqual([expect.objectContaining({ type: 'escalated', reason: 'asked_person', routes: ['apple', 'ticket'] })]);
    const again = c.say('talk to a person');
    expect(ids(again)).toEqual(['ticket_already', 'resume']);
    expect(again.effects).toEqual([]);
  });

  it('a help desk by ticket only: "no" sends the ticket without an email and says they cannot answer', () => {
    const c = chat(engine, undefined, undefined, { handoff: TICKETS });
    c.press('human');
    const r = c.press('no');
    expect(ids(r)).toEqual(['ticket_no_email', 'csat_ask']);
    expect(r.effects).toEqual([{ type: 'handoff', story: expect.not.objectContaining({ contact: expect.anything() }) }]);
  });

  it('a help desk by ticket only: "never mind" carries on without a ticket', () => {
    const c = chat(engine, undefined, undefined, { handoff: TICKETS });
    c.say('my backup failed');
    c.say('talk to a person');
    const r = c.press('resume');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
    expect(r.effects).toEqual([]);
  });
});

describe('engine: Apple Support on request', () => {
  it.each([["what's apple's number", 'apple_contact'], ['book the genius bar', 'apple_appointment']])('"%s" → %s, no ticket, then "carry on?"', (text, id) => {
    const c = chat(engine, 'en-GB', undefined, { handoff: LIVE });
    c.say('my backup failed');
    const r = c.say(text);
    expect(ids(r)).toEqual([id, 'resume']);
    expect(r.replies[0].text).toContain('0800 107 6285');
    expect(r.replies[0].links?.length).toBeGreaterThan(0);
    expect(r.effects).toEqual([]);
    expect(r.events).toEqual([expect.objectContaining({ type: 'escalated', reason: 'asked_apple', routes: ['apple'] })]);
  });

  it('a region without a verified number points at the contact page instead', () => {
    const r = chat(engine, 'fr-FR').say("what's apple's number");
    expect(r.replies[0].text).toContain('see the contact page of Apple Support');
  });
});

describe('engine: one set of buttons per turn at the escalation', () => {
  it.each([['tickets', TICKETS], ['live', LIVE], ['nobody', NOBODY]] as const)('%s, region unknown: the region question carries every button', (_name, handoff) => {
    const c = chat(engine, undefined, undefined, { handoff });
    c.say('my backup failed');
    let r = c.press('no');
    for (let i = 0; i < 10 && r.session.status !== 'escalated'; i++) r = c.press('no');
    expect(r.session.status).toBe('escalated');
    const withButtons = r.replies.filter((x) => (x.choices?.length ?? 0) > 0);
    expect(withButtons).toEqual([r.replies[r.replies.length - 1]]);
    expect(r.session.pending?.kind).toBe('ask_region');
    if (handoff === TICKETS) expect(offered(r)).toContain('human');
  });
});

describe('engine: after the escalation', () => {
  function escalated() {
    const c = chat(engine, 'en-US', undefined, { handoff: NOBODY });
    c.say('my backup failed');
    for (let i = 0; i < 7; i++) c.press('no');
    expect(c.session?.status).toBe('escalated');
    return c;
  }

  it.each([['no'], ['still failing'], ['my backup failed'], ['icloud storage is full']])('"%s" restates the way forward, never restarts the fixes', (text) => {
    const c = escalated();
    const r = c.say(text);
    expect(ids(r)[0]).toBe('after_escalation');
    expect(r.session.status).toBe('escalated');
    expect(r.replies.some((x) => x.kind === 'step')).toBe(false);
  });

  it('varies the reply, so it never comes three times in a row', () => {
    const c = escalated();
    const texts = [c.say('no'), c.say('no'), c.say('no')].map((r) => r.replies[0].text);
    expect(new Set(texts).size).toBeGreaterThan(1);
  });

  it('"start over" still starts over', () => {
    const c = escalated();
    expect(ids(c.say('start over'))).toEqual(['started_over']);
  });

  it('a ticket-only help desk is offered, not opened unasked', () => {
    const c = chat(engine, 'en-US', undefined, { handoff: TICKETS });
    c.say('my backup failed');
    let r = c.press('no');
    for (let i = 0; i < 6; i++) r = c.press('no');
    expect(r.effects).toEqual([]);
    expect(offered(r)).toContain('human');
  });

  it('with an agent inbox the handoff opens with the escalation', () => {
    const c = chat(engine, 'en-US', undefined, { handoff: LIVE });
    c.say('my backup failed');
    let r = c.press('no');
    for (let i = 0; i < 6; i++) r = c.press('no');
    expect(r.effects).toEqual([{ type: 'handoff', story: expect.objectContaining({ reason: 'all_fixes_failed' }) }]);
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'escalated', reason: 'all_fixes_failed', routes: ['apple', 'ticket', 'live'] }));
  });
});

describe('engine: moving around a flow', () => {
  it('skip passes the step over and shows the next one', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say('skip');
    expect(ids(r)).toEqual(['skip_ack', 'step:check_wifi', 'did_it_fix']);
    expect(r.session.steps).toEqual([expect.objectContaining({ stepId: 'check_storage', outcome: 'passed' })]);
    expect(r.events).toContainEqual({ type: 'step_answered', flow: 'backup', step: 'check_storage', answer: 'passed' });
  });

  it('back shows the previous step again, its answer forgotten; at the first step there is nothing before', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.say('go back'))).toEqual(['no_previous', 'did_it_fix']);
    c.press('no');
    const r = c.say('go back');
    expect(ids(r)).toEqual(['going_back', 'step:check_storage', 'did_it_fix']);
    expect(r.session.steps).toEqual([]);
  });

  it('repeat shows the current step again', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.press('no');
    expect(ids(c.say('what was the step again'))).toEqual(['step:check_wifi', 'did_it_fix']);
  });

  it('"show me all the steps" lists every step with what happened, then asks again', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.press('no');
    const r = c.say('show me all the steps');
    expect(ids(r)).toEqual(['steps_overview', 'did_it_fix']);
    expect(r.replies[0].lines).toHaveLength(7);
    expect(r.replies[0].lines?.[1]).toContain('[overview_current]');
  });

  it('"I already tried restarting and update ios" marks both', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say('i already tried restarting and update ios');
    const outcomes = Object.fromEntries(r.session.steps.map((s) => [s.stepId, s.outcome]));
    expect(outcomes).toEqual({ restart: 'already_tried', update_ios: 'already_tried' });
    expect(ids(r)[0]).toBe('already_tried');
  });

  it('"I\'ll try it later" keeps the step open; "yes" when back resolves it', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say("i'll try it later");
    expect(ids(r)).toEqual(['later']);
    expect(r.events).toEqual([{ type: 'step_answered', flow: 'backup', step: 'check_storage', answer: 'later' }]);
    expect(c.press('yes').session.status).toBe('resolved');
  });
});

describe('engine: "I tried everything" first', () => {
  it('offers the fixes as a checklist; the ticked ones are skipped', () => {
    const c = chat(engine);
    const r = c.say('i tried everything');
    expect(r.replies[0]).toMatchObject({ kind: 'checklist', pick: 'many', submit: { label: 'Done', value: 'tried' } });
    expect(r.replies[0].choices?.map((x) => x.value)).toEqual(knowledge.flows[0].steps.map((s) => `step:${s.id}`));
    const next = c.send({ kind: 'message', action: { value: 'tried', picked: ['step:check_storage', 'step:check_wifi'] } });
    expect(ids(next)).toEqual(['tried_ack', 'step:update_ios', 'did_it_fix']);
  });

  it('typed numbers tick the boxes too', () => {
    const c = chat(engine);
    c.say('i tried everything');
    expect(ids(c.say('1 and 3'))).toEqual(['tried_ack', 'step:check_wifi', 'did_it_fix']);
  });

  it('all of them: straight to the escalation', () => {
    const c = chat(engine);
    c.say('i tried everything');
    const r = c.say('all of them');
    expect(r.session.status).toBe('escalated');
    expect(ids(r)).toContain('escalation');
  });
});

describe('engine: clarifying only when it matters', () => {
  it('two readings that lead to the same first step: no question, the specific one', () => {
    const r = chat(engine).say('backup failed, storage full');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('two readings that lead to different steps: "did you mean"; "no" asks for other words', () => {
    const c = chat(engine);
    expect(ids(c.say('storage or wifi'))).toEqual(['disambiguate']);
    expect(ids(c.say('no'))).toEqual(['disambiguate_none']);
  });

  it('thanks and goodbye together: one answer', () => {
    expect(ids(chat(engine).say('cheers, will do'))).toEqual(['thanks_goodbye']);
  });

  it('a first message with a "no" in it is not taken as an answer', () => {
    const r = chat(engine).say('no idea why, but my backup fails every night?');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
  });
});

describe('engine: the satisfaction question', () => {
  it('comes after a confirmed fix; a button or a typed digit answers it', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.press('yes');
    expect(ids(r)).toEqual(['fixed', 'csat_ask']);
    expect(events(r)).toEqual(['step_answered', 'resolved', 'csat_asked']);
    const answered = c.say('4');
    expect(ids(answered)).toEqual(['csat_thanks']);
    expect(answered.events).toEqual([{ type: 'csat', score: 4 }]);
  });

  it('is optional: anything else is handled as usual', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.press('yes');
    expect(ids(c.say('my backup failed'))).toEqual(['step:check_storage', 'did_it_fix']);
  });
});

describe('engine: the turn as events', () => {
  it('a flow start, a step shown, answered, the next shown', () => {
    const c = chat(engine);
    expect(c.say('my backup failed').events).toEqual([{ type: 'flow_started', flow: 'backup' }, { type: 'step_shown', flow: 'backup', step: 'check_storage' }]);
    expect(c.press('no').events).toEqual([
      { type: 'step_answered', flow: 'backup', step: 'check_storage', answer: 'not_fixed' },
      { type: 'step_shown', flow: 'backup', step: 'check_wifi' },
    ]);
  });

  it('a message not understood, and the end of a conversation', () => {
    const c = chat(engine);
    expect(c.say('gibberish words').events).toEqual([{ type: 'not_understood' }]);
    expect(c.say('bye').events).toEqual([{ type: 'ended', how: 'goodbye' }]);
    expect(c.say('start over').events).toEqual([{ type: 'ended', how: 'start_over' }]);
  });
});

describe('engine: the same reply never three times in a row', () => {
  it('the third identical turn offers a way out instead, and the fourth may answer again', () => {
    const c = chat(engine);
    expect([c.say('help'), c.say('help'), c.say('help'), c.say('help')].map((r) => ids(r)[0])).toEqual(['help', 'help', 'going_in_circles', 'help']);
  });
});
