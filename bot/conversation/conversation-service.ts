// The ConversationService (bot/ports.ts): one turn end to end, channel-neutral. Load the record with its eTag,
// decide the turn, write it back (a conflict retries from a fresh read), then transcript, effects and metrics.
import { newSession, type Engine, type HandoffCapabilities, type Reply, type Session } from '../../dialogs';
import type { Logger } from '../logger';
import { createSilentLogger } from '../logger';
import type { AnalyticsRecorder } from '../analytics/recorder';
import { recordTurnResult, type Metrics } from '../metrics';
import type { BotStore, ConversationAddress, ConversationService, HandoffDesk, TranscriptEntry, TurnOutcome, TurnRequest, UserIndex } from '../ports';
import { isETagConflict } from '../storage/errors';
import { runEffects } from './effects';
import { createKeyedQueue } from './keyed-queue';
import { fixedFieldsLogger } from '../logger';
import { createLoggingDesk } from './logging-desk';
import { createHandoffOpener } from './pending-handoff';
import { loadRecord, mayBeWithAgent, recordChanges, rememberActivity, saveRecord, type SessionRecord } from './session-record';
import { appendLines, botLine, transcriptKey, userLine, type Redact } from './transcript';
import { decideTurn, type TurnDecision } from './turn-plan';
import { createLoggingUnrecognizedSink, type UnrecognizedSink } from './unrecognized';
import { noteUser, userToNote, withUser } from './user-note';

export interface ConversationServiceOptions {
  readonly engine: Engine;
  readonly store: Pick<BotStore, 'storage' | 'logs' | 'writeTurn' | 'analytics'>;
  /** The help desk; by default one that only logs (no agent ever takes over). */
  readonly desk?: HandoffDesk;
  readonly unrecognized?: UnrecognizedSink;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  /** Idle minutes after which a flow in progress is offered as a pick-up; 0 turns it off. */
  readonly sessionTtlMinutes?: number;
  /** Writes tried per turn before an eTag conflict is given up as an error. */
  readonly maxWriteAttempts?: number;
  /** Applied to user text before it is stored in the transcript (PII redaction). */
  readonly redact?: Redact;
  /** Analytics: each bot turn's events folded into its session and stored with the turn (bot/analytics/). Off when absent. */
  readonly analytics?: AnalyticsRecorder;
  /** What "a person" means for a conversation (TurnInput.handoff); without it the engine promises nobody. */
  readonly handoff?: (address: ConversationAddress) => HandoffCapabilities;
  /** Notes who took part in each conversation, for export and erasure (bot/privacy/); epoch ms for its notes. */
  readonly userIndex?: UserIndex;
  readonly now?: () => number;
}

export interface ConversationServiceHandle extends ConversationService {
  /** Resolves once every turn in flight has finished (graceful shutdown). */
  idle(): Promise<void>;
}

type Decision = TurnDecision | { readonly kind: 'agent'; readonly session: Session; readonly next: SessionRecord };

export function createConversationService(options: ConversationServiceOptions): ConversationServiceHandle {
  const { engine, store, metrics } = options;
  const logger = options.logger ?? createSilentLogger();
  const desk = options.desk ?? createLoggingDesk(logger);
  const unrecognized = options.unrecognized ?? createLoggingUnrecognizedSink(logger);
  const redact: Redact = options.redact ?? ((text) => text);
  const ttl = options.sessionTtlMinutes ?? 60;
  const maxAttempts = Math.max(1, options.maxWriteAttempts ?? 5);
  const queue = createKeyedQueue();
  const handoffs = createHandoffOpener({ logs: store.logs, desk, logger });
  const now = options.now ?? Date.now;

  async function counted<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (!isETagConflict(err)) metrics?.storageErrors.inc({ operation });
      throw err;
    }
  }

  /** The turn's transcript lines: what the user said (or the button pressed), then the bot's replies. */
  function transcriptLines(decision: Decision, request: TurnRequest): TranscriptEntry[] {
    if (decision.kind !== 'bot' && decision.kind !== 'agent') return [];
    const said = userLine(decision.kind === 'bot' ? decision.input : request.input, request.user, redact);
    const replies = decision.kind === 'bot' ? decision.result.replies : [];
    return [...(said ? [said] : []), ...replies.map((r) => botLine(r, request.input.now))];
  }

  /**
   * Reads, decides and writes until the write lands on the eTag it read (bounded, in order). The desk is asked whether
   * an agent has the conversation only when a handoff was ever opened in it (see SessionRecord.handoffs), once a turn.
   */
  async function transact(request: TurnRequest, log: () => Logger): Promise<{ decision: Decision; transcribed: boolean }> {
    const key = request.address.conversationKey;
    let withAgent: boolean | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const loaded = await counted('session.read', () => loadRecord(store.storage, key));
      const { eTag } = loaded;
      // The previous turn's handoff, if that turn was cut short after its write (crash, outage), is opened first.
      const record = await counted('handoff.open', () => handoffs.settle(loaded.record));
      if (withAgent === undefined && request.input.kind === 'message' && mayBeWithAgent(record)) {
        withAgent = await counted('handoff.read', () => desk.isWithAgent(key));
      }
      const decision: Decision = withAgent && !record.recentActivityIds.includes(request.activityId ?? '\0')
        ? { kind: 'agent', session: record.session ?? newSession(), next: { ...record, recentActivityIds: rememberActivity(record.recentActivityIds, request.activityId) } }
        : decideTurn(engine, record, request, ttl, options.analytics);
      if (decision.kind === 'duplicate') return { decision, transcribed: false };
      try {
        const [at, index] = [now(), options.userIndex];
        const noted = userToNote(record, request, index, at); // usually none: the record already names the user
        if (noted !== undefined && index) await counted('users.note', () => noteUser(index, request, noted));
        const next = withUser(settleMark(decision.next, eTag === undefined, withAgent), record, noted, at);
        const lines = transcriptLines(decision, request);
        const events = decision.kind === 'bot' ? decision.counted : undefined;
        const { writeTurn } = store;
        if (writeTurn && (lines.length > 0 || events)) {
          // Session, transcript and analytics in one store operation (one SQLite transaction, one Redis script).
          await counted('session.write', () => writeTurn.call(store, recordChanges(key, next, eTag), transcriptKey(key), lines, events));
          return { decision, transcribed: true };
        }
        await counted('session.write', () => saveRecord(store.storage, key, next, eTag));
        // No atomic turn write here (a Redis Cluster): the analytics rows after the session; a failure loses them, not the turn.
        if (events && store.analytics) {
          await counted('analytics.write', () => (store.analytics as NonNullable<BotStore['analytics']>).write(events)).catch((err: unknown) =>
            log().error({ err }, 'analytics write failed; the turn itself was saved'),
          );
        }
        return { decision, transcribed: false };
      } catch (err) {
        if (!isETagConflict(err) || attempt >= maxAttempts) throw err;
        log().debug({ attempt }, 'session eTag conflict: retrying from a fresh read');
      }
    }
  }

  async function handleTurn(asked: TurnRequest): Promise<TurnOutcome> {
    const started = performance.now();
    const request: TurnRequest = options.handoff ? { ...asked, input: { ...asked.input, handoff: options.handoff(asked.address) } } : asked;
    const { address, input, user } = request;
    const channel = address.channel;
    const conversation = address.conversationKey;
    // The per-turn child logger only when something is logged through it (effects, failures): most turns log one line.
    let child: Logger | undefined;
    const log = (): Logger => (child ??= logger.child({ conversation, channel }));
    const { decision, transcribed } = await transact(request, log);
    const said = userLine(decision.kind === 'bot' ? decision.input : input, user, redact);
    let replies: readonly Reply[] = [];
    if (decision.kind === 'agent' && said) {
      await desk.relayFromUser(conversation, said);
    }
    if (decision.kind === 'bot') replies = decision.result.replies;
    if (!transcribed) {
      const lines = transcriptLines(decision, request);
      if (lines.length > 0) {
        await counted('transcript.append', () => appendLines(store.logs, conversation, lines)).catch((err: unknown) =>
          log().error({ err }, 'transcript append failed; the turn itself was saved'),
        );
      }
    }
    if (decision.kind === 'bot') {
      // The handoff from the record just written (pending-handoff.ts: retried, never lost); the other effects as usual.
      if (decision.result.effects.some((e) => e.type !== 'handoff')) await runEffects({ unrecognized, logger: log(), metrics, desk }, request, decision.result);
      if (decision.next.pendingHandoff) await handoffs.open(decision.next.pendingHandoff);
      if (metrics) recordTurnResult(metrics, channel, decision.result, decision.input.kind === 'message' || decision.input.kind === 'pick_up');
    }
    const handledBy = decision.kind === 'bot' || decision.kind === 'silent' ? 'bot' : decision.kind;
    const ms = performance.now() - started;
    metrics?.turns.inc({ channel, handled_by: handledBy });
    metrics?.turnSeconds.observe({ channel }, ms / 1000);
    const trace = decision.kind === 'bot' ? decision.result.trace : undefined;
    (child ?? fixedFieldsLogger(logger)).info(
      { ...(child ? {} : { conversation, channel }), kind: input.kind, handledBy, route: trace?.route, intent: trace?.intent, confidence: trace?.confidence, ms: Math.round(ms * 10) / 10 },
      'turn',
    );
    const session = decision.kind === 'bot' ? decision.result.session : decision.session;
    return { replies, handledBy, session };
  }

  return {
    handle: (request) => queue.run(request.address.conversationKey, () => handleTurn(request)),
    idle: () => queue.idle(),
  };
}

/**
 * The record's handoff mark once the desk was asked: a conversation new to the store whose desk has no agent for it
 * is `none` from now on (its own handoff effect turns it to `opened`); an agent having it proves one was opened.
 */
function settleMark(next: SessionRecord, isNew: boolean, withAgent: boolean | undefined): SessionRecord {
  if (withAgent === true && next.handoffs !== 'opened') return { ...next, handoffs: 'opened' };
  if (withAgent === false && isNew && next.handoffs === 'unknown') return { ...next, handoffs: 'none' };
  return next;
}
