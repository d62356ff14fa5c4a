// The dialog engine: one turn = (knowledge, session, input) → new session, replies, effects, and a trace. Pure.
import type { Engine, Knowledge, Reply, Session, TurnInput, TurnKind, TurnResult, Understander } from './types';
import type { Outcome, TurnContext, Understanding } from './context';
import { createSay } from './replies';
import { capabilitiesOf, offerable } from './capabilities';
import { conversationRegion } from './region';
import { isSessionValid, newSession, reconcileSession } from './session';
import { isReadable, labelIndex, understand } from './understand';
import { factEntities } from './nlu/entities';
import { pendingChoices } from './questions';
import { routeMessage, routeTurn } from './router';
import { turnEvents } from './events';
import { avoidRepeats } from './repetition';

export interface EngineOptions {
  readonly knowledge: Knowledge;
  readonly understander: Understander;
}

/** Long messages are classified whole, but only this much is kept as the user's last words (sessions stay small). */
const MAX_KEPT_TEXT = 1000;
const EPOCH = '1970-01-01T00:00:00.000Z';
const KINDS: readonly TurnKind[] = ['message', 'conversation_start', 'pick_up', 'handoff_status'];
/** The one last-resort apology in code, for a knowledge base without an `error` reply. */
const LAST_RESORT = 'Sorry, something went wrong on my side. Please try again in a moment.';

const NOTHING: Understanding = { text: '', said: false, chosen: false, intent: 'unknown', confidence: 0, entities: {} };

export function createEngine(options: EngineOptions): Engine {
  const { knowledge, understander } = options;
  const labels = labelIndex(knowledge);
  const classify = (text: string) => understander.classify(text);

  function context(input: TurnInput, session: Session, u: Understanding): TurnContext {
    const caps = capabilitiesOf(input);
    const say = createSay(knowledge, session.turns, { offers: offerable(caps) });
    const ctx: TurnContext = {
      knowledge, input, session, u, say, classify, caps,
      region: conversationRegion(session.facts, input.locale),
      reroute: (u2: Understanding, s2: Session): Outcome => routeMessage(context(input, s2, u2)),
    };
    return ctx;
  }

  function run(stored: Session | undefined, input: TurnInput): TurnResult {
    const now = typeof input.now === 'string' && input.now !== '' ? input.now : stored?.updatedAt ?? EPOCH;
    // An unknown kind (a newer edge, a bad record) is read as a message rather than ignored.
    const kind: TurnKind = KINDS.includes(input.kind) ? input.kind : 'message';
    const loaded = isSessionValid(stored) ? reconcileSession(stored, knowledge) : newSession(now);
    const reads = kind === 'message' || kind === 'pick_up';
    const asked = pendingChoices(createSay(knowledge, loaded.turns, { offers: offerable(capabilitiesOf(input)) }), knowledge, loaded);
    const u = reads ? understand(input.text, input.action, { knowledge, classify, asked, labels }) : NOTHING;
    const typed = isReadable(u.text) ? { lastUserText: u.text.slice(0, MAX_KEPT_TEXT) } : {};
    const session: Session = { ...loaded, facts: { ...loaded.facts, ...factEntities(u.entities, knowledge.entities) }, ...typed };
    const ctx = context({ ...input, kind, now }, session, u);
    const routed = routeTurn(ctx);
    // The rating question comes on its own, after the turn's own question: its buttons never replace that one's.
    const outcome = askSatisfaction(ctx, { ...routed, replies: oneQuestion(routed.replies) });
    const said = avoidRepeats(ctx.say, outcome.session, outcome.replies);
    const after: Session = { ...said.session, misses: outcome.misses ?? 0, turns: loaded.turns + 1, updatedAt: now };
    const replies = said.replies;
    const effects = outcome.effects ?? [];
    return {
      session: after,
      replies,
      effects,
      trace: { intent: u.intent, confidence: u.confidence, route: outcome.route, language: 'en' },
      events: turnEvents({ before: loaded, after, replies, effects, route: outcome.route, stated: outcome.events ?? [] }),
    };
  }

  /** Never throws: a bug or a failing NLU becomes the `error` apology, with the stored session kept as it was. */
  function turn(stored: Session | undefined, input: TurnInput): TurnResult {
    try {
      return run(stored, input);
    } catch {
      const session = isSessionValid(stored) ? stored : newSession(typeof input?.now === 'string' ? input.now : EPOCH);
      const apology: Reply = safeReply(knowledge, session.turns);
      return { session, replies: [apology], effects: [], trace: { route: 'error' }, events: [] };
    }
  }

  return { turn };
}

/**
 * "How did I do?" once a fix was confirmed or the conversation escalated (Session.csatDue), as soon as no other
 * question is open. Optional: without a `csat_ask` reply in knowledge, never asked.
 */
function askSatisfaction(ctx: TurnContext, outcome: Outcome & { route: string }): Outcome & { route: string } {
  const s = outcome.session;
  if (!s.csatDue || s.pending !== undefined || !ctx.say.has('csat_ask')) return outcome;
  const { csatDue: _done, ...rest } = s;
  const reply = ctx.say.reply('csat_ask', {}, { kind: 'question' });
  const events = [...(outcome.events ?? []), { type: 'csat_asked' as const }];
  return { ...outcome, session: { ...rest, pending: { kind: 'csat' } }, replies: [...outcome.replies, reply], events };
}

/**
 * One question open at a time: when several replies of a turn carry choices (a notice with its own buttons, then the
 * question the engine asks), only the last keeps them. Its buttons are the ones the next answer is read against.
 */
export function oneQuestion(replies: readonly Reply[]): readonly Reply[] {
  const last = replies.map((r) => (r.choices?.length ?? 0) > 0).lastIndexOf(true);
  return replies.map((r, i) => (i === last || r.choices === undefined ? r : withoutChoices(r)));
}

function withoutChoices(reply: Reply): Reply {
  const copy: { -readonly [K in keyof Reply]: Reply[K] } = { ...reply };
  delete copy.choices;
  return copy;
}

function safeReply(knowledge: Knowledge, seed: number): Reply {
  try {
    const reply = createSay(knowledge, seed).reply('error');
    return reply.text !== '' ? reply : { kind: 'text', text: LAST_RESORT };
  } catch {
    return { kind: 'text', text: LAST_RESORT };
  }
}
