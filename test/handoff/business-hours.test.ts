// Business hours from knowledge (helpdesk.yaml): weekly ranges in the desk's time zone (daylight saving included),
// holidays, and the desk with no hours that never closes.
import type { HelpdeskHours } from '../../dialogs';
import { isDeskOpen, isWithinHours, localTime } from '../../bot/handoff';

const london: HelpdeskHours = {
  timezone: 'Europe/London',
  hours: { mon: ['09:00-17:30'], tue: ['09:00-17:30'], sat: ['10:00-14:00'], sun: [], fri: ['09:00-12:00', '13:00-17:00'] },
  holidays: ['2026-12-25'],
};

describe('business hours', () => {
  it.each([
    ['Monday 09:00 London in winter (UTC+0)', '2026-01-05T09:00:00Z', true],
    ['Monday 08:59 London', '2026-01-05T08:59:00Z', false],
    ['Monday 17:30 London (end excluded)', '2026-01-05T17:30:00Z', false],
    ['Monday 09:30 London in summer (UTC+1)', '2026-07-06T08:30:00Z', true],
    ['Monday 08:30 London in summer = 07:30 UTC', '2026-07-06T07:30:00Z', false],
    ['Saturday 13:59', '2026-01-10T13:59:00Z', true],
    ['Sunday noon', '2026-01-11T12:00:00Z', false],
    ['Wednesday (no hours listed)', '2026-01-07T12:00:00Z', false],
    ['Friday lunch break', '2026-01-09T12:30:00Z', false],
    ['Friday afternoon', '2026-01-09T13:30:00Z', true],
    ['Christmas Day, a Friday', '2026-12-25T10:00:00Z', false],
  ])('%s → open: %s', (_name, at, open) => {
    expect(isWithinHours(london, new Date(at))).toBe(open);
  });

  it("reads the wall clock in the desk's zone, whatever the server's", () => {
    expect(localTime(new Date('2026-01-05T23:30:00Z'), 'Australia/Sydney')).toEqual({ weekday: 'tue', date: '2026-01-06', minutes: 10 * 60 + 30 });
  });

  it('never closes without hours in knowledge', () => {
    expect(isDeskOpen(undefined, new Date('2026-01-11T03:00:00Z'))).toBe(true);
  });
});
