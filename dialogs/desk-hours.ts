// The help desk's opening hours in words, from helpdesk.yaml: "Mon–Fri 09:00–17:30, Sat 10:00–14:00 (United Kingdom
// Time)". Day and zone names come from Intl in the conversation's language, so no words sit in code.
import type { HelpdeskHours } from './types';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** 2024-01-01 was a Monday: day i of the week is that date plus i. */
const MONDAY = Date.UTC(2024, 0, 1);

function dayName(index: number, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(MONDAY + index * 86_400_000));
}

function zoneName(timezone: string, language: string): string {
  const parts = new Intl.DateTimeFormat(language, { timeZone: timezone, timeZoneName: 'longGeneric' }).formatToParts(new Date(MONDAY));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timezone;
}

const cache = new Map<string, string>();

/** Consecutive days with the same hours as one range; closed days left out. Empty when no hours are known. */
export function deskHoursText(hours: HelpdeskHours | undefined, language = 'en'): string {
  if (!hours) return '';
  const key = `${language}\n${JSON.stringify(hours.hours)}\n${hours.timezone}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const spans = DAYS.map((d) => (hours.hours[d] ?? []).join(', ').replace(/-/g, '–'));
  const groups: { from: number; to: number; text: string }[] = [];
  spans.forEach((text, i) => {
    const last = groups[groups.length - 1];
    if (text !== '' && last && last.text === text && last.to === i - 1) last.to = i;
    else if (text !== '') groups.push({ from: i, to: i, text });
  });
  const days = (g: { from: number; to: number }) => (g.from === g.to ? dayName(g.from, language) : `${dayName(g.from, language)}–${dayName(g.to, language)}`);
  const text = groups.length === 0 ? '' : `${groups.map((g) => `${days(g)} ${g.text}`).join(', ')} (${zoneName(hours.timezone, language)})`;
  cache.set(key, text);
  return text;
}
