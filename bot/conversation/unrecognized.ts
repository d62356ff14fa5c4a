// Where messages the bot did not understand go, for `npm run nlu:review`: a sink interface and a logging default.
// The real sink is the NLU's DATA_DIR log (bot/nlu/unrecognized-log.ts); the wiring adapts it with `toUnrecognizedSink`.
import type { IntentScore } from '../../dialogs';
import type { Logger } from '../logger';

export interface UnrecognizedEntry {
  readonly text: string;
  readonly ranking: readonly IntentScore[];
  readonly conversation: string;
  readonly channel: string;
  readonly at: string;
}

export interface UnrecognizedSink {
  record(entry: UnrecognizedEntry): Promise<void>;
}

/** Logs unrecognized messages at debug level only: the text is the user's and may hold personal data. */
export function createLoggingUnrecognizedSink(logger: Logger): UnrecognizedSink {
  return {
    async record(entry) {
      logger.debug({ conversation: entry.conversation, channel: entry.channel, top: entry.ranking[0]?.intent }, 'unrecognized message');
    },
  };
}

/** Adapts any `(entry) => void | Promise<void>` writer (e.g. the NLU's unrecognized log) to the sink. */
export function toUnrecognizedSink(write: (entry: UnrecognizedEntry) => void | Promise<void>): UnrecognizedSink {
  return { record: async (entry) => write(entry) };
}
