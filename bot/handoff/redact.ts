// Personal data out of tickets and transcripts (REDACT_PII): emails, phone numbers, card-like numbers, IMEIs and
// Apple serial numbers become a bracketed label, so an agent still sees that the user gave one.
import type { HandoffPacket } from '../ports';

export type Redactor = (text: string) => string;

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
/** Digit runs with spaces or dashes between groups (never dots: "iOS 17.4.1" is not a number to hide). */
const DIGITS = /(?<![\w.+(])\+?\(?\d(?:[ -]?\(?\d\)?){6,22}(?![\w])/g;
/** Apple serials: 10–12 capitals and digits, at least two of each (C02XK1ZJJG5H, H7Q4L2X9WP). */
const SERIAL = /\b(?=[A-Z0-9]{10,12}\b)(?=(?:[A-Z]*\d){2})(?=(?:\d*[A-Z]){2})[A-Z0-9]{10,12}\b/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** What a run of digits most likely is, or undefined to leave it (an error code, a year, a bare long number). */
function classifyDigits(match: string): string | undefined {
  const digits = match.replace(/\D/g, '');
  if (digits.length === 15 && luhn(digits)) return '[IMEI]';
  if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) return '[card number]';
  const separated = /[ ()-]/.test(match);
  // A phone number: a + or 0 prefix, or digit groups, and between 7 and 15 digits (E.164's maximum).
  if (digits.length >= 7 && digits.length <= 15 && (match.startsWith('+') || match.startsWith('0') || separated)) return '[phone]';
  return undefined;
}

export function redactText(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(DIGITS, (match) => classifyDigits(match) ?? match)
    .replace(SERIAL, '[serial number]');
}

/** The packet with the user's own words redacted: transcript lines from the user, last words, facts, summary. */
export function redactPacket(packet: HandoffPacket, redact: Redactor = redactText): HandoffPacket {
  const facts = Object.fromEntries(Object.entries(packet.facts).map(([k, v]) => [k, redact(v)]));
  return {
    ...packet,
    facts,
    summary: packet.summary.map(redact),
    ...(packet.lastUserWords !== undefined ? { lastUserWords: redact(packet.lastUserWords) } : {}),
    // Bot lines are knowledge text (support phone numbers included), kept as they are.
    transcript: packet.transcript.map((line) => (line.from === 'bot' ? line : { ...line, text: redact(line.text) })),
  };
}
