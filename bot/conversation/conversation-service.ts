// The ConversationService (bot/ports.ts): one turn end to end, channel-neutral. Load the record with its eTag,
// decide the turn, write it back (a conflict retries from a fresh read), then transcript, effects and metrics.
import { newSession, type Engine, type Reply, type Session } from '../../dialogs';
import type { Logger } from '../logger';
import { createSilentLogger } from '../logger';
import { recordTurnResult, type Metrics } from '../metrics';
import type { BotStore, ConversationService, HandoffDesk, TurnOutcome, TurnRequest } from '../ports';
import { isETagConflict } from '../storage/errors';
import { runEffects } from './effects';
import { createKeyedQueue } from './keyed-queue';
import { createLoggingDesk } from './logging-desk';
import { loadRecord, rememberActivity, saveRecord, type SessionRecord } from './session-record';
import { appendLines, botLine, userLine, type Redact } from './transcript';
import { decideTurn, type TurnDecision } from './turn-plan';
import { createLoggingUnrecognizedSink, type UnrecognizedSink } from './unrecognized';

export interface ConversationServiceOptions {
  readonly engine: Engine;
  readonly store: Pick<BotStore, 'storage' | 'logs'>;
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

  async function counted<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (!isETagConflict(err)) metrics?.storageErrors.inc({ operation });
      throw err;
    }
  }

  /** Reads, decides and writes until the write lands on the eTag it read (bounded, in order). */
  async function transact(request: TurnRequest, withAgent: boolean, log: Logger): Promise<Decision> {
    const key = request.address.conversationKey;
    for (let attempt = 1; ; attempt += 1) {
      const { record, eTag } = await counted('session.read', () => loadRecord(store.storage, key));
      const decision: Decision = withAgent && !record.recentActivityIds.includes(request.activityId ?? '\0')
        ? { kind: 'agent', session: record.session ?? newSession(), next: { ...record, recentActivityIds: rememberActivity(record.recentActivityIds, request.activityId) } }
        : decideTurn(engine, record, request, ttl);
      if (decision.kind === 'duplicate') return decision;
      try {
        await counted('session.write', () => saveRecord(store.storage, key, decision.next, eTag));
        return decision;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= maxAttempts) throw err;
        log.debug({ attempt }, 'session eTag conflict: retrying from a fresh read');
      }
    }
  }

  async function handleTurn(request: TurnRequest): Promise<TurnOutcome> {
    const started = performance.now();
    const { address, input, user } = request;
    const channel = address.channel;
    const log = logger.child({ conversation: address.conversationKey, channel });
    // Counted: it is the turn's first storage read, so a storage outage usually shows up here first.
    const withAgent = input.kind === 'message' && (await counted('handoff.read', () => desk.isWithAgent(address.conversationKey)));
    const decision = await transact(request, withAgent, log);
    const said = userLine(decision.kind === 'bot' ? decision.input : input, user, redact);
    let replies: readonly Reply[] = [];
    if (decision.kind === 'agent' && said) {
      await desk.relayFromUser(address.conversationKey, said);
    }
    if (decision.kind === 'bot' || decision.kind === 'agent') {
      replies = decision.kind === 'bot' ? decision.result.replies : [];
      const lines = [...(said ? [said] : []), ...replies.map((r) => botLine(r, input.now))];
      await counted('transcript.append', () => appendLines(store.logs, address.conversationKey, lines)).catch((err: unknown) =>
        log.error({ err }, 'transcript append failed; the turn itself was saved'),
      );
    }
    if (decision.kind === 'bot') {
      await runEffects({ desk, unrecognized, logs: store.logs, logger: log, metrics }, request, decision.result);
      if (metrics) recordTurnResult(metrics, channel, decision.result, decision.input.kind === 'message' || decision.input.kind === 'pick_up');
    }
    const handledBy = decision.kind === 'bot' || decision.kind === 'silent' ? 'bot' : decision.kind;
    const ms = performance.now() - started;
    metrics?.turns.inc({ channel, handled_by: handledBy });
    metrics?.turnSeconds.observe({ channel }, ms / 1000);
    const trace = decision.kind === 'bot' ? decision.result.trace : undefined;
    log.info({ kind: input.kind, handledBy, route: trace?.route, intent: trace?.intent, confidence: trace?.confidence, ms: Math.round(ms * 10) / 10 }, 'turn');
    const session = decision.kind === 'bot' ? decision.result.session : decision.session;
    return { replies, handledBy, session };
  }

  return {
    handle: (request) => queue.run(request.address.conversationKey, () => handleTurn(request)),
    idle: () => queue.idle(),
  };
}
