// Are live agents working right now? Weekly hours and holidays from knowledge (helpdesk.yaml), read in the help
// desk's own time zone with Intl, so daylight saving time and the server's time zone never matter.
import type { HelpdeskHours } from '../../dialogs';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export interface LocalTime {
  /** `mon` … `sun`. */
  readonly weekday: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** Minutes since local midnight. */
  readonly minutes: number;
}

/** The wall-clock time at `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  const [year, month, day] = [get('year'), get('month'), get('day')];
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()];
  return { weekday, date: `${year}-${month}-${day}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** True when `at` falls in one of the day's `HH:MM-HH:MM` ranges (end excluded) and the day is not a holiday. */
export function isWithinHours(hours: HelpdeskHours, at: Date): boolean {
  const local = localTime(at, hours.timezone);
  if (hours.holidays.includes(local.date)) return false;
  return (hours.hours[local.weekday] ?? []).some((range) => {
    const [from, to] = range.split('-').map((t) => toMinutes(t.trim()));
    // A range that ends at or before it starts runs past midnight (e.g. 22:00-02:00); its morning part is not covered.
    return to > from ? local.minutes >= from && local.minutes < to : local.minutes >= from;
  });
}

/** No hours in knowledge means the desk never closes. */
export function isDeskOpen(hours: HelpdeskHours | undefined, at: Date): boolean {
  return hours === undefined || isWithinHours(hours, at);
}
