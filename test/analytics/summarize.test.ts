// summarize: outcome counts by the definitions at a given moment, the step funnel, CSAT and filters.
import { summarize } from '../../bot/analytics/summarize';
import { drill } from '../../bot/analytics/drill';
import { parseFilter } from '../../bot/analytics/filters';
import type { SessionFacts } from '../../bot/analytics/types';
import { ev, foldConversation, HOUR, MIN, T0 } from './events';

const clock = (now: number) => ({ now, idleMs: 30 * MIN, returnMs: 72 * HOUR });
const all = parseFilter({ include_test: 'true' });

function world(): SessionFacts[] {
  return [
    // confirmed at step 2, CSAT 5
    ...foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.answered('check_storage', 'not_fixed'), ev.shown('check_wifi')] },
      { at: T0 + 2 * MIN, events: [ev.answered('check_wifi', 'fixed'), ev.resolved('check_wifi'), ev.csatAsked()] },
      { at: T0 + 3 * MIN, events: [ev.csat(5)] },
    ], 'webchat:resolved'),
    // escalated (person asked) at step 1, CSAT skipped
    ...foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.escalated('asked_person', 'check_storage'), ev.csatAsked()] },
    ], 'webchat:escalated'),
    // fix shown, left, never came back: assumed once 72 h passed
    ...foldConversation([{ at: T0, events: [ev.start(), ev.shown('check_storage')], said: 'Step: Free up iCloud storage' }], 'webchat:assumed'),
    // fix shown, left, came back about the same flow within 72 h: abandoned, then the second session in progress
    ...foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')], said: 'Step: Free up iCloud storage' },
      { at: T0 + 10 * HOUR, events: [ev.start(), ev.shown('check_storage')] },
    ], 'webchat:returned'),
    // small talk only, and a message not understood then gone
    ...foldConversation([{ at: T0 }, { at: T0 + MIN }], 'webchat:smalltalk'),
    ...foldConversation([{ at: T0, events: [ev.miss()], said: 'Sorry, I did not get that.' }], 'webchat:missed'),
    // test traffic
    ...foldConversation([{ at: T0, events: [ev.start(), ev.shown('check_storage')] }], 'emulator:t', {}, { channel: 'emulator' }),
  ];
}

describe('summarize', () => {
  it('counts every outcome by the definitions, test traffic left out', () => {
    const now = T0 + 100 * HOUR;
    const r = summarize(world(), { ...clock(now), filter: parseFilter({}) });
    expect(r).toMatchObject({
      sessions: 7, engaged: 6, unengaged: 1, resolved_confirmed: 1, resolved_assumed: 2, escalated: 1, abandoned: 2, in_progress: 0, awaiting_return: 0,
      user_messages: 12, unrecognized_messages: 1,
    });
    // The return session (10 h after the first) ended 90 h ago without a return of its own: assumed too.
    expect(r.resolved_assumed + r.abandoned + r.escalated + r.resolved_confirmed + r.in_progress + r.awaiting_return).toBe(r.engaged);
    expect(r.csat).toEqual({ responses: 1, mean: 5, asked: 2, response_rate: 0.5, scores: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 } });
    expect(r.abandoned_after).toEqual([{ said: 'Sorry, I did not get that.', sessions: 1 }, { said: 'Step: Free up iCloud storage', sessions: 1 }]);
  });

  it('keeps a left fix "awaiting return" until 72 hours have passed, and open sessions in progress', () => {
    const r = summarize(world(), { ...clock(T0 + 5 * MIN), filter: parseFilter({}) });
    expect(r).toMatchObject({ resolved_confirmed: 1, escalated: 1, in_progress: 4, awaiting_return: 0 });
    const later = summarize(world(), { ...clock(T0 + 20 * HOUR), filter: parseFilter({}) });
    expect(later).toMatchObject({ awaiting_return: 2, abandoned: 2, resolved_assumed: 0 });
  });

  it('draws the step funnel: answers, no answer once over, escalated here, and who moved on where', () => {
    const r = summarize(world(), { ...clock(T0 + 100 * HOUR), filter: parseFilter({}) });
    const storage = r.steps.find((s) => s.step === 'check_storage');
    expect(storage).toMatchObject({ shown: 5, fixed: 0, not_fixed: 1, already_tried: 0, dropped: 3, escalated: 1, escalated_unanswered: 1, waiting: 0, moved_on: { check_wifi: 1 } });
    expect(r.steps.find((s) => s.step === 'check_wifi')).toMatchObject({ shown: 1, fixed: 1 });
  });

  it('filters by date, channel and knowledge, and includes test traffic when asked', () => {
    const sessions = world();
    expect(summarize(sessions, { ...clock(T0 + 100 * HOUR), filter: all }).sessions).toBe(8);
    expect(summarize(sessions, { ...clock(T0 + 100 * HOUR), filter: parseFilter({ from: '2026-03-03' }) }).sessions).toBe(0);
    expect(summarize(sessions, { ...clock(T0 + 100 * HOUR), filter: parseFilter({ to: '2026-03-02' }) }).sessions).toBe(7);
    expect(summarize(sessions, { ...clock(T0 + 100 * HOUR), filter: parseFilter({ channel: 'emulator', include_test: '1' }) }).sessions).toBe(1);
    expect(summarize(sessions, { ...clock(T0 + 100 * HOUR), filter: parseFilter({ knowledge: 'zz' }) }).sessions).toBe(0);
  });

  it('drills down to exactly the sessions a number counts', () => {
    const sessions = world();
    const c = clock(T0 + 100 * HOUR);
    const r = summarize(sessions, { ...c, filter: parseFilter({}) });
    for (const metric of ['sessions', 'engaged', 'resolved_confirmed', 'resolved_assumed', 'escalated', 'abandoned', 'unengaged'] as const) {
      expect([metric, drill(sessions, metric, parseFilter({}), c).total]).toEqual([metric, r[metric]]);
    }
    expect(drill(sessions, 'step:iphone-backup-failed:check_storage:dropped', parseFilter({}), c).total).toBe(3);
    expect(drill(sessions, 'reason:asked_person', parseFilter({}), c).sessions.map((s) => s.conversation)).toEqual(['webchat:escalated']);
    expect(() => drill(sessions, 'nonsense:x', parseFilter({}), c)).toThrow(/unknown metric/);
  });
});
