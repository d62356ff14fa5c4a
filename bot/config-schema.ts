// The environment variables the bot reads, as a zod schema: names, defaults and how each value is parsed.
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['true', '1', 'yes'].includes(v)));
const text = z.string().trim().optional().transform((v) => (v ? v : undefined));
const positiveInt = (fallback: number) =>
  z.string().trim().optional().transform((v, ctx) => {
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) {
      ctx.addIssue({ code: 'custom', message: `expected a whole number, got "${v}"` });
      return z.NEVER;
    }
    return n;
  });
const list = z.string().optional().transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

export const EnvSchema = z.object({
  PORT: positiveInt(3978).refine((n) => n <= 65535, 'expected a port number (0–65535)'),
  HOST: text,
  DATA_DIR: z.string().trim().default('./data'),
  KNOWLEDGE_DIR: z.string().trim().default('./knowledge'),
  REDIS_URL: text.refine((v) => v === undefined || /^rediss?:\/\//.test(v), 'expected redis:// or rediss://'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: text,
  MicrosoftAppPassword: text,
  MicrosoftAppTenantId: text,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  ALLOW_ANONYMOUS: flag,
  SLACK_BOT_TOKEN: text,
  SLACK_SIGNING_SECRET: text,
  SLACK_API_URL: text,
  DIRECT_LINE_SECRET: text,
  DIRECT_LINE_TOKEN_SECRET: text,
  DIRECT_LINE_URL: text.refine((v) => v === undefined || /^https?:\/\//.test(v), 'expected an http(s) URL'),
  BOT_NAME: z.string().trim().min(1).max(60).default('Support'),
  PUBLIC_URL: text,
  AGENT_TOKEN: text,
  AGENT_USERS_FILE: text,
  HELPDESK_KIND: z.enum(['webhook', 'zendesk', 'none']).optional(),
  HELPDESK_URL: text,
  HELPDESK_SECRET: text,
  ZENDESK_EMAIL: text,
  ZENDESK_API_TOKEN: text,
  SESSION_TTL_MINUTES: positiveInt(60),
  TRANSCRIPT_RETENTION_DAYS: positiveInt(30),
  SESSION_RETENTION_DAYS: positiveInt(30),
  HANDOFF_RETENTION_DAYS: positiveInt(30),
  UNRECOGNIZED_RETENTION_DAYS: positiveInt(90),
  OUTBOX_RETENTION_DAYS: positiveInt(7),
  ADMIN_TOKEN: text,
  REDACT_PII: flag,
  HANDOFF_BF_EVENTS: flag,
  AGENT_SESSION_MINUTES: positiveInt(480),
  OUTBOX_MAX_ATTEMPTS: positiveInt(20),
  CORS_ORIGINS: list,
  SHUTDOWN_TIMEOUT_MS: positiveInt(10000),
  RATE_LIMIT_PER_MINUTE: positiveInt(300),
  CONVERSATION_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  JSON_BODY_LIMIT_KB: positiveInt(256),
  TRUST_PROXY: text,
  ANALYTICS_ENABLED: flag,
  ANALYTICS_SESSION_MINUTES: positiveInt(30),
  ANALYTICS_RETENTION_DAYS: positiveInt(400),
  ANALYTICS_EXPORT_URL: text.refine((v) => v === undefined || /^https?:\/\//.test(v), 'expected an http(s) URL'),
  ANALYTICS_EXPORT_SECRET: text,
});
