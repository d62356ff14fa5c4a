// The HTTP NDJSON export against a real HTTP receiver: signed batches of the documented lines, the cursor moving only
// after a 2xx (a failed batch is sent again), nothing sent twice once taken; and unlinking a conversation for privacy.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpExporter } from '../../bot/analytics/export/http-exporter';
import { createAnalyticsPrivacy } from '../../bot/analytics/privacy';
import { foldTurn } from '../../bot/analytics/fold';
import { createLogger } from '../../bot/logger';
import { createMemoryStore } from '../../bot/storage';
import type { AnalyticsState } from '../../bot/analytics/types';
import { ev, MIN, T0 } from './events';

interface Received { body: string; headers: Record<string, string | string[] | undefined> }

async function receiver(statuses: number[]): Promise<{ url: string; got: Received[]; close: () => Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      got.push({ body, headers: req.headers });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`, got, close: () => new Promise((r) => server.close(() => r())) };
}

async function seed(store: ReturnType<typeof createMemoryStore>, conversation: string): Promise<void> {
  let state: AnalyticsState = {};
  let n = 0;
  for (const [i, events] of [[ev.start(), ev.shown('check_storage')], [ev.answered('check_storage', 'fixed'), ev.resolved('check_storage')]].entries()) {
    const folded = foldTurn(state, { at: T0 + i * MIN, kind: 'message', conversation, channel: 'webchat', locale: 'en-US', knowledge: 'k1', test: false, events }, { idleMs: 30 * MIN, returnMs: 72 * 60 * MIN, newId: () => `${conversation}-s${(n += 1)}` });
    state = folded.state;
    await store.analytics?.write(folded.write);
  }
}

describe('analytics export (HTTP NDJSON)', () => {
  it('posts signed NDJSON batches, retries a refused one, and never sends a taken one again', async () => {
    const store = createMemoryStore();
    await seed(store, 'webchat:a');
    const sink = await receiver([503]);
    const exporter = createHttpExporter({ url: sink.url, secret: 's3cret', analytics: store.analytics!, storage: store.storage, logger: createLogger({ level: 'silent' }) });
    try {
      expect(await exporter.flush()).toBe(0); // 503: not taken, cursor unchanged
      expect(await exporter.flush()).toBe(2);
      expect(await exporter.flush()).toBe(0);
      expect(sink.got).toHaveLength(2);
      const [refused, taken] = sink.got as [Received, Received];
      expect(taken.body).toBe(refused.body);
      expect(taken.headers['content-type']).toBe('application/x-ndjson');
      expect(taken.headers['x-signature']).toBe(`sha256=${createHmac('sha256', 's3cret').update(taken.body).digest('hex')}`);
      expect(taken.headers['idempotency-key']).toBe('1..2');
      const lines = taken.body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l.type)).toEqual(['turn', 'flow_started', 'step_shown', 'turn', 'step_answered', 'resolved']);
      expect(lines[0]).toEqual({ v: 1, id: '1:0', type: 'turn', at: new Date(T0).toISOString(), session: 'webchat:a-s1', channel: 'webchat', locale: 'en-US', language: null, knowledge: 'k1', test: false, kind: 'message', user_message: true });
      expect(taken.body).not.toContain('webchat:a"'); // no conversation key leaves
      await seed(store, 'webchat:b');
      expect(await exporter.flush()).toBe(2);
      expect(sink.got[2]?.headers['idempotency-key']).toBe('3..4');
    } finally {
      await sink.close();
    }
  });

  it('unlinks a conversation: its sessions still count, under an anonymous id', async () => {
    const store = createMemoryStore();
    await seed(store, 'webchat:alice');
    const privacy = createAnalyticsPrivacy(store.analytics!);
    expect(await privacy.export('webchat:alice')).toMatchObject({ sessions: [{ conversation: 'webchat:alice', resolved: { step: 'check_storage' } }] });
    expect(await privacy.erase('webchat:alice')).toBe(1);
    expect(await store.analytics!.conversationSessions('webchat:alice')).toEqual([]);
    const left = await store.analytics!.sessions({});
    expect(left).toHaveLength(1);
    expect(left[0]?.conversation).toMatch(/^anonymous:/);
  });
});
