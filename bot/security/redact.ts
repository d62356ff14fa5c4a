// Personal data redaction for the whole edge: ONE text redactor (the handoff's, bot/handoff/redact.ts: emails, phone
// numbers, Apple serials, IMEIs, Luhn-checked card numbers), applied to transcripts and tickets when REDACT_PII is
// on, and a deep version for log lines (see bot/logger.ts).
import { redactText } from '../handoff/redact';

export { redactText };

/** The redactor transcripts and tickets use (the handoff's, so there is only one). */
export const redactPii: (text: string) => string = redactText;

const MAX_DEPTH = 6;

/**
 * A log object with every string value redacted, to any depth up to MAX_DEPTH. Errors are left to their serializer
 * (stack traces hold code, not user text); arrays and plain objects are copied, never changed in place.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)]));
}
