// The engine's global commands, the misunderstanding ladder, stale buttons and handoff status news.
import { createEngine } from '../../dialogs';
import { chat, fakeUnderstander, ids, knowledge, LIVE, TABLE } from './fixtures';

const engine = createEngine({ knowledge, understander: fakeUnderstander(TABLE) });

describe('engine: a person, with an agent inbox (someone can join)', () => {
  it.each([[0], [1], [3]])('asking for a person after %i "no"s hands off with the story (reason user_asked)', (nos) => {
    const c = chat(engine, 'en-US', undefined, { handoff: LIVE });
    c.say('iphone 13 on ios 17.4');
    c.say('my backup failed');
    for (let i = 0; i < nos; i++) c.press('no');
    const r = c.say('talk to a person');
    expect(ids(r)).toEqual(['handoff_requested', 'summary_title']);
    expect(r.replies[0].kind).toBe('handoff');
    expect(r.session.status).toBe('handoff');
    expect(r.effects).toEqual([{ type: 'handoff', story: expect.objectContaining({ reason: 'user_asked', flowId: 'backup', lastUserWords: 'talk to a person' }) }]);
    const story = r.effects[0].type === 'handoff' ? r.effects[0].story : undefined;
    expect(story?.steps).toHaveLength(nos);
    expect(story?.summary.at(-1)).toBe('iPhone 13, 17.4');
  });

  it('"no, talk to a person" while asked did-it-fix: the person wins', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    expect(c.say('no, talk to a person').trace.route).toBe('human');
  });

  it('asking again does not open a second handoff', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('talk to a person');
    const again = c.say('talk to a person');
    expect(again.effects).toEqual([]);
    expect(again.trace.route).toBe('human:again');
  });

  it('with no story yet, the notice comes alone', () => {
    expect(ids(chat(engine, undefined, undefined, { handoff: LIVE }).press('human'))).toEqual(['handoff_requested']);
  });

  it('carrying on while waiting for a person cancels the handoff', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    c.say('talk to a person');
    const r = c.press('resume');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
    expect(r.effects).toEqual([{ type: 'cancel_handoff' }]);
    expect(r.session.status).toBe('in_flow');
  });
});

describe('engine: start over', () => {
  it('forgets the flow and the problem facts, keeps the device facts', () => {
    const c = chat(engine);
    c.say('iphone 13 on ios 17.4');
    c.say('my computer backup failed');
    c.press('no');
    const r = c.say('start over');
    expect(ids(r)).toEqual(['started_over']);
    expect(r.session).toMatchObject({ status: 'idle', steps: [], facts: { iphone_model: 'iPhone 13', ios_version: '17.4' } });
    expect(r.session.facts.backup_target).toBeUndefined();
    expect(r.session.pending).toBeUndefined();
    expect(ids(c.say('my backup failed'))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('the resume question\'s "Start over" button starts over', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.say('help');
    expect(ids(c.press('restart'))).toEqual(['started_over']);
  });
});

describe('engine: small talk', () => {
  it.each([['hi', 'greeting'], ['thanks', 'thanks'], ['bye', 'goodbye'], ['help', 'help']])('%s with nothing going on → %s', (text, id) => {
    expect(ids(chat(engine).say(text))).toEqual([id]);
  });

  it('goodbye mid-flow keeps the question open', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.say('bye'))).toEqual(['goodbye']);
    expect(c.say('no').trace.route).toBe('did_it_fix:no');
  });

  it.each([['yes'], ['no'], ['!tried']])('"%s" with nothing asked → no_question', (text) => {
    const c = chat(engine);
    expect(ids(text.startsWith('!') ? c.press(text.slice(1)) : c.say(text))).toEqual(['no_question']);
  });

  it('a longer message with a "no" that reports a failure is that problem when nothing was asked, an answer when asked', () => {
    expect(chat(engine).say('no, it still will not back up').trace.route).toBe('no_question:topic:backup_failed');
    const c = chat(engine);
    c.say('my backup failed');
    expect(c.say('no, it still will not back up').trace.route).toBe('did_it_fix:no');
  });

  it('"I already tried that/everything" with nothing going on asks which, as a checklist of the fixes', () => {
    const r = chat(engine).say('i already tried that');
    expect(r.trace.route).toBe('already_tried:which');
    expect(r.replies.map((x) => x.kind)).toEqual(['checklist']);
  });

  it('a pasted error text the NLU takes for a weak "no" is a complaint: the flow starts', () => {
    const r = chat(engine).say('it says could not be completed');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
    expect(r.session.facts.error_text).toBe('could_not_complete');
  });
});

describe('engine: misunderstandings', () => {
  it('one miss → fallback with choices; two in a row → offer a person; yes → handoff (repeated_misunderstanding)', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    const one = c.say('blorp');
    expect(ids(one)).toEqual(['fallback']);
    expect(one.replies[0].choices?.length).toBeGreaterThan(0);
    expect(one.effects).toEqual([{ type: 'unrecognized', text: 'blorp', ranking: [{ intent: 'unknown', confidence: 0.1 }] }]);
    expect(one.session.misses).toBe(1);
    const two = c.say('zzz qqq');
    expect(ids(two)).toEqual(['fallback_human']);
    expect(two.session).toMatchObject({ misses: 2, pending: { kind: 'offer_human' } });
    const yes = c.press('yes');
    expect(yes.effects).toEqual([{ type: 'handoff', story: expect.objectContaining({ reason: 'repeated_misunderstanding' }) }]);
    expect(yes.session.misses).toBe(0);
  });

  it('an understood turn resets the count', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('blorp');
    c.say('hi');
    expect(ids(c.say('blorp'))).toEqual(['fallback']);
  });

  it('mid-flow: fallback without its own choices, then the current question again; "no" to a person resumes', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    const one = c.say('blorp');
    expect(ids(one)).toEqual(['fallback', 'did_it_fix']);
    expect(one.replies[0].choices).toBeUndefined();
    c.say('blorp');
    const no = c.say('No, keep trying');
    expect(ids(no)).toEqual(['resume']);
    expect(ids(c.press('resume'))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('an unanswered one-shot question is dropped: a later "yes" is not taken as yes to a person', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('blorp');
    c.say('blorp');
    c.say('hi');
    expect(ids(c.say('yes'))).toEqual(['no_question']);
  });

  it('an ambiguous message asks which one, and the pick is followed', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    const r = c.say('storage or wifi');
    expect(ids(r)).toEqual(['disambiguate']);
    expect(r.replies[0].choices).toEqual([
      { label: 'Label storage_full', value: 'intent:storage_full' }, { label: 'Label wifi_problem', value: 'intent:wifi_problem' }, { label: 'Something else', value: 'help' },
    ]);
    expect(ids(c.say('2'))).toEqual(['step:check_wifi', 'did_it_fix']);
  });
});

describe('engine: stale buttons', () => {
  it('a "no" from an earlier step\'s card is not applied: stale_choice names the current step and asks again', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    c.press('no', 'check_storage');
    const r = c.press('no', 'check_storage');
    expect(ids(r)).toEqual(['stale_choice', 'did_it_fix']);
    expect(r.replies[0].text).toContain('Title check_wifi');
    expect(r.session.stepId).toBe('check_wifi');
    expect(r.session.steps).toHaveLength(1);
  });

  it('a forged step id gets the same treatment', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    expect(ids(c.press('yes', 'no_such_step'))).toEqual(['stale_choice', 'did_it_fix']);
    expect(c.last.session.status).toBe('in_flow');
  });

  it('after the flow ended, an old answer button gets no_question', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    c.press('yes', 'check_storage');
    expect(ids(c.press('no', 'check_storage'))).toEqual(['no_question']);
  });

  it('a person button from an old card still means a person', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    c.press('no');
    expect(c.press('human', 'check_storage').trace.route).toBe('human');
  });
});

describe('engine: pick up and handoff status', () => {
  it('pick_up with a flow in progress asks; yes shows the step, no starts over with the welcome', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    c.press('no');
    const ask = c.send({ kind: 'pick_up', text: 'hello again' });
    expect(ids(ask)).toEqual(['pick_up']);
    expect(ask.replies[0].text).toContain('Title check_wifi');
    expect(ids(c.press('yes'))).toEqual(['step:check_wifi', 'did_it_fix']);
    c.send({ kind: 'pick_up' });
    const no = c.press('no');
    expect(ids(no)).toEqual(['welcome']);
    expect(no.session).toMatchObject({ status: 'idle', steps: [] });
  });

  it('pick_up with nothing in progress is an ordinary message', () => {
    expect(ids(chat(engine, undefined, undefined, { handoff: LIVE }).send({ kind: 'pick_up', text: 'hi' }))).toEqual(['greeting']);
  });

  it('conversation_start with a flow in progress welcomes and offers to pick up', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    expect(ids(c.start())).toEqual(['welcome', 'pick_up']);
  });

  it.each([
    ['queued', 'handoff_queued', 'handoff'], ['agent_joined', 'handoff_agent_joined', 'handoff'], ['completed', 'handoff_completed', 'resolved'],
  ] as const)('%s → %s (status %s)', (status, id, after) => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('talk to a person');
    const r = c.send({ kind: 'handoff_status', handoffStatus: status, queuePosition: 3, agentName: 'Sam' });
    expect(ids(r)).toEqual([id]);
    expect(r.session.status).toBe(after);
    if (status === 'queued') expect(r.replies[0].text).toContain('number 3');
    if (status === 'agent_joined') expect(r.replies[0].text).toContain('Sam joined');
  });

  it.each([['failed', 'handoff_failed'], ['agent_left', 'handoff_agent_left'], ['unavailable', 'handoff_unavailable']] as const)(
    '%s mid-flow → %s, back to the bot with the offer to carry on', (status, id) => {
      const c = chat(engine, 'en-GB', undefined, { handoff: LIVE });
      c.say('my backup failed');
      c.say('talk to a person');
      const r = c.send({ kind: 'handoff_status', handoffStatus: status });
      expect(ids(r)).toEqual([id, 'resume']);
      expect(r.session.status).toBe('in_flow');
      if (status === 'unavailable') expect(r.replies[0].text).toContain('Apple Support UK on 0800 107 6285');
    });

  it('an agent hands back at a step: the flow carries on there', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('my backup failed');
    c.say('talk to a person');
    const r = c.send({ kind: 'handoff_status', handoffStatus: 'completed', resumeAtStep: 'reset_network' });
    expect(ids(r)).toEqual(['handoff_completed', 'step:reset_network', 'did_it_fix']);
    expect(r.session).toMatchObject({ status: 'in_flow', stepId: 'reset_network' });
  });
});
