// fold: which session each turn belongs to, and what it adds (the session rules of the README's definitions).
import { ev, foldConversation, HOUR, MIN, T0 } from './events';

describe('foldTurn', () => {
  it('keeps one session while turns come within the idle time, and opens another after it', () => {
    const sessions = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + 29 * MIN, events: [ev.answered('check_storage', 'not_fixed'), ev.shown('check_wifi')] },
      { at: T0 + 29 * MIN + 31 * MIN, events: [ev.answered('check_wifi', 'fixed'), ev.resolved('check_wifi')] },
    ]);
    expect(sessions.map((s) => s.id)).toEqual(['webchat:c1#1', 'webchat:c1#2']);
    expect(sessions[0]?.steps).toEqual([{ flow: 'iphone-backup-failed', step: 'check_storage', answer: 'not_fixed' }, { flow: 'iphone-backup-failed', step: 'check_wifi' }]);
    // The step answered after the gap counts as shown in the new session too.
    expect(sessions[1]?.steps).toEqual([{ flow: 'iphone-backup-failed', step: 'check_wifi', answer: 'fixed' }]);
    expect(sessions[1]?.resolved).toEqual({ flow: 'iphone-backup-failed', step: 'check_wifi' });
    expect(sessions[1]?.engaged).toBe(true);
  });

  it('ends a session at goodbye and at start over: the next message opens a new one', () => {
    const sessions = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.startOver()] },
      { at: T0 + 2 * MIN, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + 3 * MIN, events: [ev.goodbye()] },
      { at: T0 + 4 * MIN },
    ]);
    expect(sessions.map((s) => [s.end, s.userMessages])).toEqual([['start_over', 2], ['goodbye', 2], [undefined, 1]]);
    expect(sessions[2]?.engaged).toBe(false);
  });

  it('keeps the follow-ups of an escalation (country, CSAT, thanks) in its session, and starts a new one for a new problem', () => {
    const sessions = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.escalated('asked_person', 'check_storage'), ev.csatAsked()] },
      { at: T0 + 2 * MIN, events: [] },
      { at: T0 + 3 * MIN, events: [ev.csat(4)] },
      { at: T0 + 4 * MIN, events: [ev.start(), ev.shown('check_storage')] },
    ]);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toMatchObject({ userMessages: 4, csat: 4, csatAsked: true, escalated: { reason: 'asked_person', step: 'check_storage' } });
    expect(sessions[0]?.steps).toEqual([{ flow: 'iphone-backup-failed', step: 'check_storage', escalated: true }]);
    expect(sessions[1]?.escalated).toBeUndefined();
  });

  it('counts a CSAT answer given after the end for the session that asked, the latest answer winning', () => {
    const sessions = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.answered('check_storage', 'fixed'), ev.resolved('check_storage'), ev.csatAsked()] },
      { at: T0 + 2 * MIN, events: [ev.goodbye()] },
      { at: T0 + 3 * HOUR, events: [ev.csat(2)] },
      { at: T0 + 3 * HOUR + MIN, events: [ev.csat(5)] },
    ]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ csat: 5, userMessages: 5, lastAt: T0 + 2 * MIN });
  });

  it('marks the earlier session returned when the same flow comes back within 72 hours, not after', () => {
    const back = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + 71 * HOUR, events: [ev.start(), ev.shown('check_storage')] },
    ]);
    expect(back[0]?.returned).toBe(true);
    const late = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + 73 * HOUR, events: [ev.start(), ev.shown('check_storage')] },
    ]);
    expect(late[0]?.returned).toBeUndefined();
  });

  it('opens a session on a proactive message but not on a status message outside any session', () => {
    const sessions = foldConversation([
      { at: T0, kind: 'handoff_status', events: [] },
      { at: T0 + MIN, kind: 'conversation_start', events: [] },
      { at: T0 + 2 * MIN, events: [ev.miss()] },
    ]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ userMessages: 1, unrecognized: 1, engaged: true, startedAt: T0 + MIN });
  });

  it('marks emulator traffic as test, and keeps a conversation marked once', () => {
    expect(foldConversation([{ at: T0 }], 'emulator:x', {}, { channel: 'emulator' })[0]?.test).toBe(true);
    expect(foldConversation([{ at: T0 }], 'webchat:y', {}, { test: true })[0]?.test).toBe(true);
  });

  it('notes a message not understood after the last step (more help wanted) and clears it when a step is shown', () => {
    const [s] = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.miss()] },
    ]);
    expect(s?.helpAfterStep).toBe(true);
    const [t] = foldConversation([
      { at: T0, events: [ev.start(), ev.shown('check_storage')] },
      { at: T0 + MIN, events: [ev.miss()] },
      { at: T0 + 2 * MIN, events: [ev.answered('check_storage', 'not_fixed'), ev.shown('check_wifi')] },
    ]);
    expect(t?.helpAfterStep).toBeUndefined();
  });
});
