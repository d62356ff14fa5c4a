// After the fixes ran out: "still broken", the same problem again, a fix already tried — the way forward again, told
// a little further each time (Apple Support, the summary, a person here where one exists). Never a restart of the
// fixes; "start over" still starts over. "It works now" is a resolution like any other.
import type { Route } from '../context';
import { isStrongCommand } from '../context';
import { outcomeOf, withoutPending } from '../session';
import { flowForTrigger, stepForIntent } from '../flows/runner';
import { contactReply } from '../flows/escalation';
import { buildStory, summaryReply } from '../flows/story';

export const followUp: Route = {
  name: 'after_escalation',
  handle(ctx) {
    const { u, session, say, knowledge } = ctx;
    if (session.status !== 'escalated' || isStrongCommand(u) || u.command !== undefined) return undefined;
    const named = stepForIntent(knowledge, u.intent, session.flowId);
    const failing = u.answer === 'no' || u.answer === 'unsure' || u.answer === 'tried';
    const sameProblem = flowForTrigger(knowledge, u.intent) !== undefined || (u.intent === 'unknown' && u.entities.error_text !== undefined);
    const triedAgain = named !== undefined && outcomeOf(session, named.step.id) !== undefined;
    if (u.answer === 'yes' && session.flowId !== undefined && (u.chosen || u.intent === 'yes')) {
      const done = { ...withoutPending(session), status: 'resolved' as const, csatDue: true };
      return { session: done, replies: [say.reply('fixed', { step: '' })], events: [{ type: 'resolved', flow: session.flowId }], route: 'after_escalation:fixed' };
    }
    if (!failing && !sameProblem && !triedAgain) return undefined;
    const summary = buildStory(knowledge, say, session, 'all_fixes_failed').summary;
    const replies = [contactReply(ctx, 'after_escalation'), ...(summary.length > 0 ? [summaryReply(say, summary)] : [])];
    return { session: withoutPending(session), replies, misses: session.misses, route: 'after_escalation' };
  },
};
