// Transcript retention (TRANSCRIPT_RETENTION_DAYS): the sweep drops transcripts and Direct Line activity logs older
// than the period and nothing else, survives a storage outage, is off at 0 days, and stops cleanly; end to end, a web
// chat conversation's stored activities are gone after the period on the real SQLite store.
import { createSilentLogger } from '../../bot/logger';
import { createRetentionSweep } from '../../bot/security/retention';
import { createMemoryStore } from '../../bot/storage';
import { createClient } from '../directline/dl-client';
import { createFakeBrain } from '../support/fake-engine';
import { removeDataDir, startBot } from '../support/start-bot';

const DAY = 24 * 60 * 60 * 1000;

function setup(days: number) {
  let clock = Date.UTC(2026, 0, 1);
  const store = createMemoryStore({ now: () => clock });
  const sweep = createRetentionSweep({ logs: store.logs, days, logger: createSilentLogger(), now: () => clock, intervalMs: 60_000 });
  return { store, sweep, advance: (ms: number) => (clock += ms) };
}

describe('retention sweep', () => {
  it('drops transcripts and Direct Line activity logs last written before the period, keeps newer ones and other logs', async () => {
    const { store, sweep, advance } = setup(30);
    await store.logs.append('transcript/emulator:old', { from: 'user', text: 'old' });
    await store.logs.append('dl/activities/old', { type: 'message', text: 'my serial is F2LXXXXXXX' });
    await store.logs.append('agent/notes-old', { text: 'not a conversation log' });
    advance(20 * DAY);
    await store.logs.append('transcript/emulator:new', { from: 'user', text: 'new' });
    await store.logs.append('dl/activities/new', { type: 'message', text: 'new' });
    advance(11 * DAY);
    expect(await sweep.sweep()).toBe(2);
    expect(await store.logs.length('transcript/emulator:old')).toBe(0);
    expect(await store.logs.length('dl/activities/old')).toBe(0);
    expect(await store.logs.length('transcript/emulator:new')).toBe(1);
    expect(await store.logs.length('dl/activities/new')).toBe(1);
    expect(await store.logs.length('agent/notes-old')).toBe(1);
  });

  it('keeps a Direct Line log that was written to within the period, however old its first activity', async () => {
    const { store, sweep, advance } = setup(1);
    await store.logs.append('dl/activities/long', { type: 'message', text: 'first' });
    advance(2 * DAY);
    await store.logs.append('dl/activities/long', { type: 'message', text: 'still talking' });
    advance(DAY / 2);
    expect(await sweep.sweep()).toBe(0);
    expect(await store.logs.length('dl/activities/long')).toBe(2);
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

describe('retention of web chat conversations (real bot, SQLite)', () => {
  it('sweeps a Direct Line conversation\'s activities and its transcript once the period has passed', async () => {
    const bot = await startBot({ brain: createFakeBrain(), env: { TRANSCRIPT_RETENTION_DAYS: '30' } });
    try {
      const client = createClient(`${bot.url}/v3/directline`);
      const { body: started } = await client.start();
      await client.post(started.conversationId, started.token, { type: 'message', text: 'my email is grace@example.com' });
      await client.until(started.conversationId, started.token, (all) => all.some((a) => a.text === 'echo: my email is grace@example.com'), 'the reply');
      const { logs } = bot.bot.deps.store;
      const key = `dl/activities/${started.conversationId}`;
      expect(await logs.length(key)).toBeGreaterThan(0);
      expect(await logs.length(`transcript/webchat:${started.conversationId}`)).toBeGreaterThan(0);

      const later = createRetentionSweep({ logs, days: bot.config.transcriptRetentionDays, logger: createSilentLogger(), now: () => Date.now() + 31 * DAY });
      expect(await later.sweep()).toBeGreaterThanOrEqual(2);
      expect(await logs.length(key)).toBe(0);
      expect(await logs.length(`transcript/webchat:${started.conversationId}`)).toBe(0);
      const { body: after } = await client.get(started.conversationId, started.token);
      expect(after.activities).toEqual([]);
    } finally {
      await bot.stop();
      await removeDataDir(bot.dataDir);
    }
  });
});
