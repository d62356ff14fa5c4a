// Transcript retention (TRANSCRIPT_RETENTION_DAYS): the sweep drops transcripts older than the period and nothing
// else, survives a storage outage, is off at 0 days, and stops cleanly.
import { createSilentLogger } from '../../bot/logger';
import { createRetentionSweep } from '../../bot/security/retention';
import { createMemoryStore } from '../../bot/storage';

const DAY = 24 * 60 * 60 * 1000;

function setup(days: number) {
  let clock = Date.UTC(2026, 0, 1);
  const store = createMemoryStore({ now: () => clock });
  const sweep = createRetentionSweep({ logs: store.logs, days, logger: createSilentLogger(), now: () => clock, intervalMs: 60_000 });
  return { store, sweep, advance: (ms: number) => (clock += ms) };
}

describe('retention sweep', () => {
  it('drops transcripts last written before the period, keeps newer ones and other logs', async () => {
    const { store, sweep, advance } = setup(30);
    await store.logs.append('transcript/emulator:old', { from: 'user', text: 'old' });
    await store.logs.append('dl/activities/old', { type: 'message' });
    advance(20 * DAY);
    await store.logs.append('transcript/emulator:new', { from: 'user', text: 'new' });
    advance(11 * DAY);
    expect(await sweep.sweep()).toBe(1);
    expect(await store.logs.length('transcript/emulator:old')).toBe(0);
    expect(await store.logs.length('transcript/emulator:new')).toBe(1);
    expect(await store.logs.length('dl/activities/old')).toBe(1);
  });

  it('keeps everything at 0 days', async () => {
    const { store, sweep, advance } = setup(0);
    await store.logs.append('transcript/emulator:x', { from: 'user', text: 'x' });
    advance(3650 * DAY);
    sweep.start();
    expect(await sweep.sweep()).toBe(0);
    await sweep.stop();
    expect(await store.logs.length('transcript/emulator:x')).toBe(1);
  });

  it('survives storage being down and sweeps once it is back', async () => {
    const { store, sweep, advance } = setup(1);
    await store.logs.append('transcript/emulator:x', { from: 'user', text: 'x' });
    advance(2 * DAY);
    store.simulateOutage(true);
    await expect(sweep.sweep()).resolves.toBe(0);
    store.simulateOutage(false);
    await expect(sweep.sweep()).resolves.toBe(1);
  });

  it('sweeps at start and waits for a sweep in flight on stop', async () => {
    const { store, sweep, advance } = setup(1);
    await store.logs.append('transcript/emulator:x', { from: 'user', text: 'x' });
    advance(2 * DAY);
    sweep.start();
    await sweep.stop();
    expect(await store.logs.length('transcript/emulator:x')).toBe(0);
  });
});
