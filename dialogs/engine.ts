// The dialog engine: one turn = (knowledge, session, input) → new session, replies, effects, and a trace. Pure.
// With languages, each turn first chooses its language (language/choose.ts) and then runs on that language's
// knowledge and NLU: sessions hold ids only, so a conversation can change language at any turn.
import type { Engine, Knowledge, LanguageIdentifier, Reply, Session, TurnEvent, TurnInput, TurnKind, TurnResult, Understander } from './types';
import type { LanguageContext, Outcome, TurnContext, Understanding } from './context';
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
import { createBrains, type LanguageBrain } from './language/brains';
import { chooseLanguage, type LanguageChoice } from './language/choose';
import { untranslatedShown } from './language/fallbacks';

export interface EngineOptions {
  /** The source knowledge (English) and its NLU. */
  readonly knowledge: Knowledge;
  readonly understander: Understander;
  /** Other languages by code: the same ids in that language, its NLU (none for a notice-only locale). */
  readonly languages?: Readonly<Record<string, LanguageBrain>>;
  /** Guesses the language of a message, for "the user writes another language than the locale says". */
  readonly identify?: LanguageIdentifier;
}
export type { LanguageBrain } from './language/brains';

/** Long messages are classified whole, but only this much is kept as the user's last words (sessions stay small). */
const MAX_KEPT_TEXT = 1000;
const EPOCH = '1970-01-01T00:00:00.000Z';
const KINDS: readonly TurnKind[] = ['message', 'conversation_start', 'pick_up', 'handoff_status'];
/** The one last-resort apology in code, for a knowledge base without an `error` reply. */
const LAST_RESORT = 'Sorry, something went wrong on my side. Please try again in a moment.';

const NOTHING: Understanding = { text: '', said: false, chosen: false, intent: 'unknown', confidence: 0, entities: {} };

export function createEngine(options: EngineOptions): Engine {
  const brains = createBrains({ knowledge: options.knowledge, understander: options.understander }, options.languages);
  const labels = new Map<string, ReadonlyMap<string, string>>();
  const labelsOf = (k: Knowledge) => labels.get(k.hash) ?? (labels.set(k.hash, labelIndex(k)), labelIndex(k));

  function run(stored: Session | undefined, input: TurnInput): TurnResult {
    const now = typeof input.now === 'string' && input.now !== '' ? input.now : stored?.updatedAt ?? EPOCH;
    // An unknown kind (a newer edge, a bad record) is read as a message rather than ignored.
    const kind: TurnKind = KINDS.includes(input.kind) ? input.kind : 'message';
    const choice = chooseLanguage(isSessionValid(stored) ? stored : newSession(now), { ...input, kind }, { spoken: brains.spoken, switchTo: brains.switchTo, identify: options.identify });
    const knowledge = brains.knowledgeOf(choice.language) as Knowledge;
    const classify = brains.classifierOf(choice.language);
    const loaded = isSessionValid(stored) ? reconcileSession(stored, knowledge) : newSession(now);
    const reads = kind === 'message' || kind === 'pick_up';
    const asked = pendingChoices(createSay(knowledge, loaded.turns, { offers: offerable(capabilitiesOf(input)) }), knowledge, loaded);
    const text = choice.asked ? choice.asked.rest : input.text;
    const read = reads ? understand(text, input.action, { knowledge, classify, asked, labels: labelsOf(knowledge) }) : NOTHING;
    // Asked for a language and nothing else understood ("en español, por favor"): the request is the message.
    const onlyAsked = choice.asked !== undefined && !read.chosen && read.intent === 'unknown' && read.answer === undefined && Object.keys(read.entities).length === 0;
    const u: Understanding = onlyAsked ? { ...NOTHING, text: input.text?.trim() ?? '', said: true } : read;
    const typed = isReadable(u.text) ? { lastUserText: u.text.slice(0, MAX_KEPT_TEXT) } : {};
    const language = { language: choice.language, languageBy: choice.by };
    const session: Session = { ...loaded, facts: { ...loaded.facts, ...factEntities(u.entities, knowledge.entities) }, ...typed, ...language };
    const used = new Set<string>();
    const lang: LanguageContext = {
      code: choice.language, by: choice.by, spoken: brains.spoken, asked: onlyAsked, knowledgeOf: brains.knowledgeOf,
      ...(choice.unsupported !== undefined ? { unsupported: choice.unsupported } : {}),
    };
    const context = (ctxInput: TurnInput, s: Session, understood: Understanding): TurnContext => {
      const caps = capabilitiesOf(ctxInput);
      const say = createSay(knowledge, s.turns, { offers: offerable(caps), onUse: (id) => used.add(id) });
      const ctx: TurnContext = {
        knowledge, language: lang, input: ctxInput, session: s, u: understood, say, classify, caps,
        region: conversationRegion(s.facts, ctxInput.locale),
        reroute: (u2: Understanding, s2: Session): Outcome => routeMessage(context(ctxInput, s2, u2)),
      };
      return ctx;
    };
    const ctx = context({ ...input, kind, now }, session, u);
    const routed = routeTurn(ctx);
    // The rating question comes on its own, after the turn's own question: its buttons never replace that one's.
    const outcome = askSatisfaction(ctx, { ...routed, replies: oneQuestion(routed.replies) });
    const said = avoidRepeats(ctx.say, outcome.session, outcome.replies);
    const after: Session = { ...said.session, misses: outcome.misses ?? 0, turns: loaded.turns + 1, updatedAt: now, ...language };
    const replies = said.replies;
    const effects = (outcome.effects ?? []).map((e) => (e.type === 'handoff' ? { ...e, story: { ...e.story, language: choice.language } } : e));
    const fallbacks = untranslatedShown(knowledge, replies, used);
    const events = [...languageEvents(loaded, choice), ...(outcome.events ?? []), ...(fallbacks.length > 0 ? [{ type: 'untranslated' as const, language: choice.language, texts: fallbacks }] : [])];
    return {
      session: after,
      replies,
      effects,
      trace: { intent: u.intent, confidence: u.confidence, route: outcome.route, language: choice.language, languageBy: choice.by, ...(fallbacks.length > 0 ? { fallbacks } : {}) },
      events: turnEvents({ before: loaded, after, replies, effects, route: outcome.route, stated: events }),
    };
  }

  /** Never throws: a bug or a failing NLU becomes the `error` apology, with the stored session kept as it was. */
  function turn(stored: Session | undefined, input: TurnInput): TurnResult {
    try {
      return run(stored, input);
    } catch {
      const session = isSessionValid(stored) ? stored : newSession(typeof input?.now === 'string' ? input.now : EPOCH);
      const knowledge = brains.knowledgeOf(session.language ?? brains.spoken[0] as string) ?? options.knowledge;
      const apology: Reply = safeReply(knowledge, session.turns);
      return { session, replies: [apology], effects: [], trace: { route: 'error' }, events: [] };
    }
  }

  return { turn };
}

/** A change of language worth counting: asked for, written in, or a channel's locale replacing an earlier language. */
function languageEvents(before: Session, choice: LanguageChoice): readonly TurnEvent[] {
  const changed = before.language !== choice.language && (before.language !== undefined || choice.by === 'user' || choice.by === 'text');
  return changed ? [{ type: 'language_changed', language: choice.language, by: choice.by, ...(before.language ? { from: before.language } : {}) }] : [];
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
