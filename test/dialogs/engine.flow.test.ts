// The engine walking a flow: starting points, did-it-fix answers, already-tried, side questions, escalation.
import { createEngine } from '../../dialogs';
import type { Effect } from '../../dialogs';
import { chat, fakeUnderstander, ids, knowledge, TABLE, LIVE } from './fixtures';

const engine = createEngine({ knowledge, understander: fakeUnderstander(TABLE) });
const handoffOf = (effects: readonly Effect[]) => effects.find((e) => e.type === 'handoff');

describe('engine: starting a flow', () => {
  it('welcomes on conversation_start with the topic choices', () => {
    const r = chat(engine).start();
    expect(ids(r)).toEqual(['welcome']);
    expect(r.replies[0].choices?.map((c) => c.value)).toEqual(['intent:backup_failed', 'help']);
    expect(r.trace.route).toBe('welcome');
  });

  it('starts at the first step on the trigger, then asks did it fix it, bound to the step', () => {
    const r = chat(engine).say('my backup failed');
    expect(ids(r)).toEqual(['step:check_storage', 'did_it_fix']);
    expect(r.replies[0]).toMatchObject({ kind: 'step', title: 'Title check_storage', text: 'Do check_storage.', links: [{ url: 'https://example.com/check_storage' }] });
    expect(r.replies[1]).toMatchObject({ kind: 'question', stepId: 'check_storage' });
    expect(r.replies[1].choices?.map((c) => c.value)).toEqual(['yes', 'no', 'tried']);
    expect(r.session).toMatchObject({ status: 'in_flow', flowId: 'backup', stepId: 'check_storage', pending: { kind: 'did_it_fix', stepId: 'check_storage' } });
    expect(r.trace).toMatchObject({ intent: 'backup_failed', route: 'flow:start' });
  });

  it('starts from a welcome button (intent: action)', () => {
    const c = chat(engine);
    c.start();
    expect(ids(c.press('intent:backup_failed'))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it.each([
    ['icloud storage is full', 'check_storage'],
    ['my wifi is bad', 'check_wifi'],
    ['how do i restart', 'restart'],
    ['backup failed with not enough storage', 'check_storage'],
  ])('a symptom starts the flow at its step: %s → %s', (text, stepId) => {
    const r = chat(engine).say(text);
    expect(ids(r)).toEqual([`step:${stepId}`, 'did_it_fix']);
  });

  it('skips steps whose `when` contradicts a known fact, recording them as skipped', () => {
    const r = chat(engine).say('my computer backup failed');
    expect(ids(r)).toEqual(['step:update_ios', 'did_it_fix']);
    expect(r.session.facts.backup_target).toBe('computer');
    expect(r.session.steps.map((s) => [s.stepId, s.outcome])).toEqual([['check_storage', 'skipped'], ['check_wifi', 'skipped']]);
  });

  it('after a symptom start, the earlier steps still come before escalation', () => {
    const c = chat(engine);
    c.say('how do i restart');
    const seen = ['restart'];
    for (let i = 0; i < 10 && c.last.session.status === 'in_flow'; i++) {
      const r = c.press('no');
      if (r.session.status === 'in_flow') seen.push(r.session.stepId ?? '');
    }
    expect(seen).toEqual(['restart', 'reset_network', 'icloud_signin', 'icloud_status', 'check_storage', 'check_wifi', 'update_ios']);
    expect(c.last.session.status).toBe('escalated');
  });
});

describe('engine: did that fix it?', () => {
  it('yes resolves with a resolved effect and no escalation', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.press('no');
    const r = c.press('yes');
    expect(ids(r)).toEqual(['fixed', 'csat_ask']);
    expect(r.replies[0].text).toContain('Title check_wifi');
    expect(r.session.status).toBe('resolved');
    expect(r.effects).toEqual([{ type: 'resolved', flowId: 'backup', stepId: 'check_wifi' }]);
    expect(r.session.steps.map((s) => s.outcome)).toEqual(['not_fixed', 'fixed']);
  });

  it('no bridges to the next step; typed "still failing" counts as no', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.press('no'))).toEqual(['next_step', 'step:check_wifi', 'did_it_fix']);
    expect(ids(c.say('still failing'))).toEqual(['next_step', 'step:update_ios', 'did_it_fix']);
    expect(c.last.trace.route).toBe('did_it_fix:no');
  });

  it('already tried acknowledges with the step name and moves on', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.press('tried', 'check_storage');
    expect(ids(r)).toEqual(['already_tried', 'step:check_wifi', 'did_it_fix']);
    expect(r.replies[0].text).toContain('Title check_storage');
    expect(r.session.steps[0]).toMatchObject({ stepId: 'check_storage', outcome: 'already_tried' });
  });

  it('unsure counts as not fixed and moves on', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say('kind of');
    expect(r.trace.route).toBe('did_it_fix:unsure');
    expect(ids(r)).toEqual(['next_step', 'step:check_wifi', 'did_it_fix']);
    expect(r.session.steps[0].outcome).toBe('not_fixed');
  });

  it('typed labels and numbers pick the question\'s choices', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(c.say('No').trace.route).toBe('did_it_fix:no');
    expect(c.say('3').trace.route).toBe('did_it_fix:tried');
    expect(c.say('Already tried!').trace.route).toBe('did_it_fix:tried');
  });

  it('"no, and now storage is full" jumps to the named step', () => {
    const c = chat(engine);
    c.say('my wifi is bad');
    expect(ids(c.say('no, and now icloud storage is full'))).toEqual(['next_step', 'step:check_storage', 'did_it_fix']);
  });
});

describe('engine: already tried', () => {
  it('"I already tried restarting" before the flow: starts it and never suggests restarting', () => {
    const c = chat(engine);
    const r = c.say('i already tried restarting');
    expect(ids(r)).toEqual(['already_tried', 'step:check_storage', 'did_it_fix']);
    expect(r.replies[0].text).toContain('Title restart');
    const offered: string[] = [];
    while (c.last.session.status === 'in_flow') { offered.push(c.last.session.stepId ?? ''); c.press('no'); }
    expect(offered).not.toContain('restart');
    expect(c.last.session.steps.find((s) => s.stepId === 'restart')?.outcome).toBe('already_tried');
  });

  it('mid-flow about another step: marks it, then offers to carry on with the current one', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say('i already tried restarting');
    expect(ids(r)).toEqual(['already_tried', 'resume']);
    expect(r.session.stepId).toBe('check_storage');
    expect(r.session.steps).toEqual([expect.objectContaining({ stepId: 'restart', outcome: 'already_tried' })]);
  });

  it('about the current step: moves on', () => {
    const c = chat(engine);
    c.say('how do i restart');
    expect(ids(c.say('i already tried restarting'))).toEqual(['already_tried', 'step:reset_network', 'did_it_fix']);
  });

  it('"I already tried that" means the current step', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.say('i already tried that'))).toEqual(['already_tried', 'step:check_wifi', 'did_it_fix']);
  });
});

describe('engine: side questions and resuming', () => {
  it('answers a question about another step without leaving the current one, then offers to resume', () => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say('is icloud down');
    expect(ids(r)).toEqual(['info:icloud_status', 'resume']);
    expect(r.replies[0].stepId).toBeUndefined();
    expect(r.replies[1].text).toContain('Title check_storage');
    expect(r.replies[1].choices?.map((x) => x.value)).toEqual(['resume', 'restart']); // nobody to offer (no help desk)
    expect(r.session).toMatchObject({ stepId: 'check_storage', pending: { kind: 'resume' } });
    expect(ids(c.press('resume'))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it.each([['help'], ['hi'], ['thanks']])('%s mid-flow: answers, then offers to resume', (text) => {
    const c = chat(engine);
    c.say('my backup failed');
    const r = c.say(text);
    expect(ids(r)[1]).toBe('resume');
    expect(r.replies[0].choices).toBeUndefined();
  });

  it('the current step\'s buttons still answer it after an interruption', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.say('help');
    expect(ids(c.press('no', 'check_storage'))).toEqual(['next_step', 'step:check_wifi', 'did_it_fix']);
  });

  it('typed "yes" to "shall we carry on?" shows the step again', () => {
    const c = chat(engine);
    c.say('my backup failed');
    c.say('help');
    expect(ids(c.say('yes'))).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('"carry on" with nothing in progress says so', () => {
    expect(ids(chat(engine).say('let us continue'))).toEqual(['nothing_to_resume']);
  });

  it('the trigger again mid-flow offers to carry on', () => {
    const c = chat(engine);
    c.say('my backup failed');
    expect(ids(c.say('my backup failed'))).toEqual(['resume']);
  });
});

describe('engine: escalation', () => {
  it('every fix failing ends in escalation with the default contact, the summary, a handoff (an agent inbox), and a region question', () => {
    const c = chat(engine, undefined, undefined, { handoff: LIVE });
    c.say('iphone 13 on ios 17.4');
    c.say('my backup failed');
    c.press('tried');
    let r = c.last;
    while (r.session.status === 'in_flow') r = c.press('no');
    expect(ids(r)).toEqual(['escalation', 'summary_title', 'ask_region']);
    expect(r.replies[0]).toMatchObject({ kind: 'escalation', text: expect.stringContaining('Apple Support') });
    expect(r.replies[0].links?.map((l) => l.url)).toEqual(['https://support.apple.com/contact']);
    expect(r.replies[1].kind).toBe('summary');
    expect(r.replies[1].lines).toEqual([
      'Title check_storage — ↺', 'Title check_wifi — ✗', 'Title update_ios — ✗', 'Title restart — ✗',
      'Title reset_network — ✗', 'Title icloud_signin — ✗', 'Title icloud_status — ✗', 'iPhone 13, 17.4',
    ]);
    const story = handoffOf(r.effects);
    expect(story).toMatchObject({ type: 'handoff', story: { reason: 'all_fixes_failed', flowId: 'backup', facts: { iphone_model: 'iPhone 13' } } });
    expect(r.session.status).toBe('escalated');
    const uk = c.press('region:GB');
    expect(ids(uk)).toEqual(['escalation', 'csat_ask']);
    expect(uk.replies[0].text).toContain('Apple Support UK');
    expect(uk.session.facts.region).toBe('GB');
    expect(uk.effects).toEqual([]);
  });

  it('uses the locale\'s region contact and asks nothing more', () => {
    const c = chat(engine, 'en-GB');
    c.say('my backup failed');
    let r = c.last;
    while (r.session.status === 'in_flow') r = c.press('no');
    expect(ids(r)).toEqual(['escalation', 'summary_title', 'csat_ask']);
    expect(r.replies[0].text).toBe('[escalation] Contact Apple Support UK: call Apple Support UK on 0800 107 6285.');
    expect(r.effects).toEqual([]);
    expect(r.replies[0].links?.map((l) => l.title)).toEqual(['Apple Support', 'UK support']);
  });

  it('uses knowledge\'s summary lines when it defines them', () => {
    const k = { ...knowledge, replies: { ...knowledge.replies, summary_step_not_fixed: { text: ["{step} — didn't fix it"] }, fact_ios_version: { text: ['iOS {value}'] } } };
    const c = chat(createEngine({ knowledge: k, understander: fakeUnderstander(TABLE) }), 'en-US');
    c.say('iphone 13 on ios 17.4');
    c.say('my backup failed');
    let r = c.last;
    while (r.session.status === 'in_flow') r = c.press('no');
    expect(r.replies[1].lines?.[0]).toBe("Title check_storage — didn't fix it");
    expect(r.replies[1].lines?.at(-1)).toBe('iPhone 13, iOS 17.4');
  });
});
