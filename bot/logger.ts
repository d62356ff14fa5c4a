// The one structured logger of the edge (pino): JSON lines, secrets redacted, child loggers per conversation turn.
import pino from 'pino';
import { redactDeep } from './security/redact';

export type Logger = pino.Logger;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Paths pino blanks out wherever they appear: credentials must never reach a log line. */
export const REDACTED_PATHS: readonly string[] = [
  'authorization',
  'password',
  'secret',
  'token',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.token',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.microsoftAppPassword',
  'config.slackBotToken',
  'config.slackSigningSecret',
  'config.directLineSecret',
  'config.directLineTokenSecret',
  'config.agentToken',
  'config.adminToken',
  'config.helpdeskSecret',
  'config.zendeskApiToken',
  // Added by the security work: credentials nested one level deeper, and cookies and API keys by other names.
  '*.headers.authorization',
  '*.headers.cookie',
  'cookie',
  '*.cookie',
  'accessToken',
  '*.accessToken',
  'apiToken',
  '*.apiToken',
  'clientSecret',
  '*.clientSecret',
];

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream to read the lines back. */
  readonly destination?: pino.DestinationStream;
  readonly name?: string;
  /** Redact personal data (emails, phone numbers, serials, IMEI, card numbers) from every string field (REDACT_PII). */
  readonly redactPii?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      name: options.name ?? 'bot',
      level: options.level ?? 'info',
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err },
      ...(options.redactPii ? { formatters: { log: (fields: Record<string, unknown>) => redactDeep(fields) as Record<string, unknown> } } : {}),
    },
    options.destination,
  );
}

/** A logger that writes nothing, for unit tests and tools. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** The fields every line about one turn carries. */
export function turnLogger(logger: Logger, fields: { conversation: string; channel: string; activityId?: string }): Logger {
  return logger.child(fields);
}
