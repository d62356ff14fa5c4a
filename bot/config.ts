// The bot's configuration: every environment variable parsed once, validated, and frozen into a typed object.
import path from 'node:path';
import { EnvSchema } from './config-schema';
import { parseTrustProxy, type TrustProxy } from './security/trust-proxy';

/** The parsed configuration. Secrets are kept here only; the logger redacts them. */
export interface Config {
  readonly port: number;
  readonly host?: string;
  /** Absolute. */
  readonly dataDir: string;
  /** Absolute. */
  readonly knowledgeDir: string;
  readonly redisUrl?: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly microsoftAppId?: string;
  readonly microsoftAppPassword?: string;
  readonly microsoftAppTenantId?: string;
  readonly microsoftAppType?: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly allowAnonymous: boolean;
  readonly slackBotToken?: string;
  readonly slackSigningSecret?: string;
  readonly slackApiUrl?: string;
  readonly directLineSecret?: string;
  readonly directLineTokenSecret?: string;
  /** Azure Direct Line base URL for the token exchange (DIRECT_LINE_URL); tests point it at a local fake. */
  readonly directLineUrl?: string;
  /** The bot's display name: web chat header and the `from.name` of its Direct Line activities. */
  readonly botName: string;
  readonly publicUrl?: string;
  readonly agentToken?: string;
  readonly agentUsersFile?: string;
  /** Where handoffs become tickets (HELPDESK_KIND); undefined or `none`: no tickets. */
  readonly helpdeskKind?: 'webhook' | 'zendesk' | 'none';
  readonly helpdeskUrl?: string;
  readonly helpdeskSecret?: string;
  readonly zendeskEmail?: string;
  readonly zendeskApiToken?: string;
  /** Idle minutes after which a returning user is offered to pick up where they left off. 0 turns it off. */
  readonly sessionTtlMinutes: number;
  readonly transcriptRetentionDays: number;
  /** Days a conversation's session (and Direct Line record) lives after its last turn (SESSION_RETENTION_DAYS; 0 = forever). */
  readonly sessionRetentionDays: number;
  /** Days a handoff record (packet, transcript) lives after its last change, never while an agent has it (0 = forever). */
  readonly handoffRetentionDays: number;
  /** Days a line of the unrecognized-message log is kept (UNRECOGNIZED_RETENTION_DAYS; 0 = forever). */
  readonly unrecognizedRetentionDays: number;
  /** Days delivered and dead outbox items (tickets with their packets, notices) are kept (OUTBOX_RETENTION_DAYS; 0 = forever). */
  readonly outboxRetentionDays: number;
  /** Opens the privacy API (export, erase) besides AGENT_TOKEN (ADMIN_TOKEN). */
  readonly adminToken?: string;
  readonly redactPii: boolean;
  /**
   * Send Bot Framework `handoff.initiate` events on Bot Framework channels (HANDOFF_BF_EVENTS, default false): only
   * when a hub (Omnichannel, LivePerson, Genesys …) answers them, since the bot then tells users a person will join.
   */
  readonly handoffBfEvents: boolean;
  /** Lifetime of an agent inbox login, in minutes (AGENT_SESSION_MINUTES, default 480). */
  readonly agentSessionMinutes: number;
  /** Tries of an outbox item (ticket, hub event, notice) before it is marked dead (OUTBOX_MAX_ATTEMPTS, default 20). */
  readonly outboxMaxAttempts: number;
  readonly corsOrigins: readonly string[];
  readonly shutdownTimeoutMs: number;
  /** POSTs per minute per client address on /api/messages and /v3/directline (RATE_LIMIT_PER_MINUTE; 0 = off). */
  readonly rateLimitPerMinute: number;
  /** User messages per minute per conversation before the `rate_limited` reply (CONVERSATION_RATE_LIMIT_PER_MINUTE; 0 = off). */
  readonly conversationRateLimitPerMinute: number;
  /** Largest JSON body on /api/messages, in KiB (JSON_BODY_LIMIT_KB); larger bodies get a JSON 413. */
  readonly jsonBodyLimitKb: number;
  /** Reverse proxies believed about the client address (TRUST_PROXY → express `trust proxy`); undefined: none. */
  readonly trustProxy?: TrustProxy;
  /** Record analytics events (ANALYTICS_ENABLED, default true). */
  readonly analyticsEnabled: boolean;
  /** Idle minutes that end an analytics session (ANALYTICS_SESSION_MINUTES, default 30). */
  readonly analyticsSessionMinutes: number;
  /** Analytics sessions and events older than this are deleted (ANALYTICS_RETENTION_DAYS, default 400; 0 keeps them). */
  readonly analyticsRetentionDays: number;
  /** Where analytics events are exported as NDJSON (ANALYTICS_EXPORT_URL); unset: no export. */
  readonly analyticsExportUrl?: string;
  /** Signs each export batch (X-Signature: sha256=<hex HMAC>); required with ANALYTICS_EXPORT_URL. */
  readonly analyticsExportSecret?: string;
}

/** Every configuration problem at once, one per line, as `NAME: message`. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MicrosoftAppPassword && !e.MicrosoftAppId) problems.push('MicrosoftAppPassword: set without MicrosoftAppId');
  if (e.HELPDESK_KIND && e.HELPDESK_KIND !== 'none' && !e.HELPDESK_URL) problems.push(`HELPDESK_URL: required when HELPDESK_KIND=${e.HELPDESK_KIND}`);
  if (e.HELPDESK_KIND === 'webhook' && !e.HELPDESK_SECRET) problems.push('HELPDESK_SECRET: required when HELPDESK_KIND=webhook (it signs every ticket)');
  if (e.HELPDESK_KIND === 'zendesk' && (!e.ZENDESK_EMAIL || !e.ZENDESK_API_TOKEN)) problems.push('ZENDESK_EMAIL, ZENDESK_API_TOKEN: both required when HELPDESK_KIND=zendesk');
  if (e.OUTBOX_MAX_ATTEMPTS < 1) problems.push('OUTBOX_MAX_ATTEMPTS: expected at least 1');
  if (e.ANALYTICS_SESSION_MINUTES < 1) problems.push('ANALYTICS_SESSION_MINUTES: expected at least 1');
  if (e.ANALYTICS_EXPORT_URL && !e.ANALYTICS_EXPORT_SECRET) problems.push('ANALYTICS_EXPORT_SECRET: required when ANALYTICS_EXPORT_URL is set (it signs every batch)');
  let trustProxy: TrustProxy | undefined;
  try {
    trustProxy = parseTrustProxy(e.TRUST_PROXY);
  } catch (err) {
    problems.push(`TRUST_PROXY: ${(err as Error).message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    knowledgeDir: path.resolve(cwd, e.KNOWLEDGE_DIR),
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    microsoftAppId: e.MicrosoftAppId,
    microsoftAppPassword: e.MicrosoftAppPassword,
    microsoftAppTenantId: e.MicrosoftAppTenantId,
    microsoftAppType: e.MicrosoftAppType,
    allowAnonymous: e.ALLOW_ANONYMOUS ?? false,
    slackBotToken: e.SLACK_BOT_TOKEN,
    slackSigningSecret: e.SLACK_SIGNING_SECRET,
    slackApiUrl: e.SLACK_API_URL,
    directLineSecret: e.DIRECT_LINE_SECRET,
    directLineTokenSecret: e.DIRECT_LINE_TOKEN_SECRET,
    directLineUrl: e.DIRECT_LINE_URL,
    botName: e.BOT_NAME,
    publicUrl: e.PUBLIC_URL,
    agentToken: e.AGENT_TOKEN,
    agentUsersFile: e.AGENT_USERS_FILE,
    helpdeskKind: e.HELPDESK_KIND,
    helpdeskUrl: e.HELPDESK_URL,
    helpdeskSecret: e.HELPDESK_SECRET,
    zendeskEmail: e.ZENDESK_EMAIL,
    zendeskApiToken: e.ZENDESK_API_TOKEN,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    transcriptRetentionDays: e.TRANSCRIPT_RETENTION_DAYS,
    sessionRetentionDays: e.SESSION_RETENTION_DAYS,
    handoffRetentionDays: e.HANDOFF_RETENTION_DAYS,
    unrecognizedRetentionDays: e.UNRECOGNIZED_RETENTION_DAYS,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
    adminToken: e.ADMIN_TOKEN,
    redactPii: e.REDACT_PII ?? true,
    handoffBfEvents: e.HANDOFF_BF_EVENTS ?? false,
    agentSessionMinutes: e.AGENT_SESSION_MINUTES,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
    corsOrigins: e.CORS_ORIGINS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    conversationRateLimitPerMinute: e.CONVERSATION_RATE_LIMIT_PER_MINUTE,
    jsonBodyLimitKb: e.JSON_BODY_LIMIT_KB,
    trustProxy,
    analyticsEnabled: e.ANALYTICS_ENABLED ?? true,
    analyticsSessionMinutes: e.ANALYTICS_SESSION_MINUTES,
    analyticsRetentionDays: e.ANALYTICS_RETENTION_DAYS,
    analyticsExportUrl: e.ANALYTICS_EXPORT_URL,
    analyticsExportSecret: e.ANALYTICS_EXPORT_SECRET,
  });
}
