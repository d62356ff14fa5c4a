// The published definitions, word for word as in the README (issue 15), shown on the dashboard beside each number
// and printed by `npm run report`. Changing one here means changing the README too (a test compares them).

export interface Definition {
  readonly key: string;
  readonly term: string;
  readonly text: string;
}

export const DEFINITIONS: readonly Definition[] = [
  {
    key: 'sessions',
    term: 'Session',
    text: "starts with the user's first message (or a proactive message); ends at an explicit end, a handoff, or `ANALYTICS_SESSION_MINUTES` idle (default 30). A conversation can hold several sessions.",
  },
  { key: 'engaged', term: 'Engaged', text: 'a flow started, or the bot did not understand, or an escalation happened. Unengaged: small talk only.' },
  { key: 'resolved_confirmed', term: 'Resolved, confirmed', text: 'the user said it is fixed (at a step, or at the end).' },
  {
    key: 'resolved_assumed',
    term: 'Resolved, assumed',
    text: 'a fix was shown, the user left without asking for more help, and did not come back about the same problem within 72 hours. Always shown apart from confirmed, never added to it silently.',
  },
  {
    key: 'escalated',
    term: 'Escalated',
    text: 'Apple Support contact given or a help-desk handoff or live takeover; with its reason (asked for a person, all fixes failed, repeatedly not understood, asked for Apple) and the step it happened at.',
  },
  { key: 'abandoned', term: 'Abandoned', text: 'engaged, ended, and neither resolved nor escalated; with the last thing the bot said.' },
  { key: 'rates', term: 'Rates', text: 'over engaged sessions. **Unrecognized rate**: messages not understood ÷ user messages.' },
  { key: 'steps', term: 'Per step', text: 'shown → fixed / not fixed / already tried / no answer / escalated here.' },
  {
    key: 'csat',
    term: 'CSAT',
    text: 'one optional question (1–5, buttons, and a typed digit 1–5 accepted) after a confirmed fix and after an escalation; the latest answer per session counts; response rate shown.',
  },
];

/** How the definitions are applied where they leave room, in the same words as the README's "How we count". */
export const COUNTING_NOTES: readonly string[] = [
  'A session belongs to the UTC day it started; dates in filters are UTC days, both ends included.',
  'A handoff ends the session for new work: after an escalation, the next flow (a new problem, or the bot taking the user back at a step) starts a new session, while the follow-ups of that escalation (the country, the CSAT answer, thanks, goodbye) stay in it. Turns relayed to and from a live agent are not bot turns and are not counted.',
  'An explicit end is "goodbye" or "start over". A CSAT answer given after its session ended still counts for the session that asked.',
  'A flow taken up again (after an idle gap or a hand-back) engages its session like a started one.',
  '"Left without asking for more help": the last step shown got no answer (or "later"), nothing was escalated, and no message after it went not understood. "Came back about the same problem": a later session of the same conversation works on the same flow within 72 hours of this one\'s last turn; the assumed resolution is then not counted (the session is abandoned). Until 72 hours have passed such a session is "awaiting return", shown apart.',
  'An engaged session that has not ended yet is "in progress": it has no outcome yet. Escalated and confirmed sessions count as soon as it happens; when both happen in one session, escalated counts.',
  'Per step: each session that showed a step counts once for it, with the last answer given; a step answered in a later session (after an idle gap) counts as shown there too. "No answer" (dropped) counts only once the session is over; until then the step is "waiting". "Escalated here" counts every escalation at the step, including the one after its "no" when every fix failed.',
  'Unrecognized messages are user messages the bot did not understand (its fallback); a message about another product, understood as such, is counted apart as out of scope and does not engage a session.',
  'Emulator traffic (channel `emulator`) and conversations marked as tests (`channelData.test: true` on an activity) are kept but left out unless test traffic is included.',
];
