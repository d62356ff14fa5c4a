// A turn's handoff travels in the session record it writes (`pendingHandoff`), because the handoff is opened only
// after that write: a crash or a storage outage in between would leave an escalated session with no ticket. If the
// open fails, this process tries again in the background until the store answers; if the process dies first, the
// conversation's next turn (the user trying again, or the channel replaying the activity) opens it before anything
// else. HandoffDesk.open is idempotent by packet id, so a handoff already opened is not opened twice.
import type { TurnResult } from '../../dialogs';
import type { Logger } from '../logger';
import type { HandoffDesk, Logs, TurnRequest } from '../ports';
import { buildHandoffPacket, handoffPacketId, type PacketParts } from './handoff-packet';
import type { SessionRecord } from './session-record';
import { readTranscript } from './transcript';

/** What the packet is built from, except the transcript (read when it is opened). */
export type PendingHandoff = Omit<PacketParts, 'transcript'>;

/** The handoff a turn's result asks for, to be stored with the session the turn writes. */
export function pendingHandoffOf(request: TurnRequest, input: TurnRequest['input'], result: TurnResult): PendingHandoff | undefined {
  const effect = result.effects.find((e) => e.type === 'handoff');
  if (!effect || effect.type !== 'handoff') return undefined;
  return { story: effect.story, address: request.address, user: request.user, input, turn: result.session.turns };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A stored pending handoff, or undefined for anything malformed. */
export function readPendingHandoff(x: unknown): PendingHandoff | undefined {
  if (!isObject(x) || !isObject(x.story) || !isObject(x.address) || !isObject(x.user) || !isObject(x.input) || typeof x.turn !== 'number') return undefined;
  return x as unknown as PendingHandoff;
}

type Deps = { readonly logs: Logs; readonly desk: HandoffDesk };

/** Builds the packet (with the transcript as it is now) and opens it: idempotent by packet id. */
async function openPending(deps: Deps, pending: PendingHandoff): Promise<void> {
  const transcript = await readTranscript(deps.logs, pending.address.conversationKey);
  await deps.desk.open(buildHandoffPacket({ ...pending, transcript }), pending.address);
}

/** Background retries of a failed open: doubling from half a second to half a minute, for about ten minutes. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;
const RETRY_TRIES = 25;

/** How many opened packet ids a process remembers (a few bytes each). */
const REMEMBERED_OPENS = 10_000;

export interface HandoffOpener {
  /**
   * Opens a turn's handoff right after its session was written. A failure (the store went away in between) does not
   * fail the turn, whose answer stands: it is retried in the background; the record's pendingHandoff covers a crash.
   */
  open(pending: PendingHandoff): Promise<void>;
  /**
   * The record without its pending handoff, opened first unless this process already opened it completely (the
   * record still carries it until the conversation's next write). A failure fails the turn, to be tried again.
   */
  settle(record: SessionRecord): Promise<SessionRecord>;
}

export function createHandoffOpener(deps: Deps & { readonly logger: Logger }): HandoffOpener {
  const id = (pending: PendingHandoff): string => handoffPacketId(pending.address.conversationKey, pending.turn);
  // Packet ids opened to the end by this process, oldest first. Without it every handoff was opened a second time
  // by the next turn (idempotent, but a transcript read, the desk's writes and a log line). A restart forgets them:
  // the next turn then opens again, which is safe.
  const opened = new Set<string>();
  const remember = (pending: PendingHandoff): void => {
    opened.add(id(pending));
    if (opened.size > REMEMBERED_OPENS) opened.delete(opened.values().next().value as string);
  };
  const openAndRemember = async (pending: PendingHandoff): Promise<void> => {
    await openPending(deps, pending);
    remember(pending);
  };
  const retry = (pending: PendingHandoff, tries: number): void => {
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (tries - 1));
    setTimeout(() => {
      openAndRemember(pending).then(
        () => deps.logger.info({ handoff: id(pending), tries }, 'handoff opened on a later try'),
        (err: unknown) => {
          if (tries < RETRY_TRIES) return retry(pending, tries + 1);
          deps.logger.error({ err, handoff: id(pending) }, 'handoff still not opened; the next turn of the conversation will open it');
        },
      );
    }, delay).unref();
  };
  return {
    async open(pending) {
      try {
        await openAndRemember(pending);
      } catch (err) {
        deps.logger.warn({ err, handoff: id(pending) }, 'handoff could not be opened; retrying in the background');
        retry(pending, 1);
      }
    },
    async settle(record) {
      const pending = record.pendingHandoff;
      if (!pending) return record;
      if (!opened.has(id(pending))) await openAndRemember(pending);
      const settled: SessionRecord = { ...record };
      delete (settled as { pendingHandoff?: PendingHandoff }).pendingHandoff;
      return settled;
    },
  };
}
