// The help desk hears what became of its tickets: the webhook gets signed `handoff.cancelled` / `user.erased` events
// (keyed for idempotency); Zendesk's ticket for a cancelled handoff gets an internal note and is solved (retried while
// the ticket is not made yet), and an erased user's tickets are deleted, then deleted permanently (404: gone already).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createDeskEventHandler, createWebhookConnector, createZendeskConnector, signBody, type DeskEvent } from '../../bot/helpdesk';
import { createSilentLogger } from '../../bot/logger';
import { isPermanent } from '../../bot/outbox';
import type { OutboxItem } from '../../bot/ports';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  readonly headers: Record<string, unknown>;
}

/** A stand-in help desk on 127.0.0.1: records requests; Zendesk tickets by external_id from `tickets`. */
async function startDesk(tickets: Record<string, number[]>, gone: readonly number[] = []) {
  const seen: Seen[] = [];
  const app = express();
  app.use(express.text({ type: () => true }));
  app.use((req, res) => {
    seen.push({ method: req.method, url: req.url, body: typeof req.body === 'string' ? req.body : '', headers: { ...req.headers } });
    if (req.method === 'GET') return void res.json({ tickets: (tickets[String(req.query.external_id)] ?? []).map((id) => ({ id })) });
    const id = Number(/\/(\d+)\.json$/.exec(req.path)?.[1]);
    if (req.method === 'DELETE' && gone.includes(id)) return void res.status(404).json({ error: 'RecordNotFound' });
    res.status(req.method === 'DELETE' ? 204 : 200).json({});
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const cancelled: DeskEvent = { type: 'handoff.cancelled', id: 'cancelled:handoff:emulator:c1:3', handoffId: 'handoff:emulator:c1:3', conversation: 'emulator:c1', at: '2026-01-01T00:00:00.000Z' };
const erased: DeskEvent = { type: 'user.erased', id: 'erased:e-1', erasureId: 'e-1', handoffIds: ['handoff:emulator:c1:3', 'handoff:emulator:c1:9'], at: '2026-01-02T00:00:00.000Z' };
const item = (event: unknown): OutboxItem => ({ id: 'x', kind: 'helpdesk.event', payload: { event }, attempts: 1, dueAt: 0, createdAt: 0, state: 'pending' });

describe('desk events to a webhook', () => {
  it.each([cancelled, erased])('posts $type signed, with its id as the idempotency key', async (event) => {
    const desk = await startDesk({});
    try {
      await createWebhookConnector({ url: desk.url, secret: 'shh' }).notify?.(event);
      const [request] = desk.seen;
      expect(JSON.parse(request.body)).toEqual({ type: event.type, version: 1, event });
      expect(request.headers['x-signature']).toBe(signBody(request.body, 'shh'));
      expect(request.headers['idempotency-key']).toBe(event.id);
    } finally {
      await desk.close();
    }
  });
});

describe('desk events to Zendesk', () => {
  const zendesk = (url: string) => createZendeskConnector({ url, email: 'bot@example.com', apiToken: 'tok' });

  it('solves a cancelled handoff\'s ticket with an internal note', async () => {
    const desk = await startDesk({ 'handoff:emulator:c1:3': [41] });
    try {
      await zendesk(desk.url).notify?.(cancelled);
      expect(desk.seen.map((s) => `${s.method} ${s.url}`)).toEqual([
        'GET /api/v2/tickets.json?external_id=handoff%3Aemulator%3Ac1%3A3',
        'PUT /api/v2/tickets/41.json',
      ]);
      expect(JSON.parse(desk.seen[1].body)).toMatchObject({ ticket: { status: 'solved', comment: { public: false, body: expect.stringMatching(/cancelled/) } } });
      expect(desk.seen[1].headers.authorization).toMatch(/^Basic /);
    } finally {
      await desk.close();
    }
  });

  it('retries a cancellation whose ticket is not made yet (an ordinary failure, not a permanent one)', async () => {
    const desk = await startDesk({});
    try {
      const failure = await zendesk(desk.url).notify?.(cancelled).then(() => undefined, (err: unknown) => err);
      expect(failure).toBeInstanceOf(Error);
      expect(isPermanent(failure)).toBe(false);
    } finally {
      await desk.close();
    }
  });

  it('deletes an erased user\'s tickets, then permanently; a ticket already gone is no failure', async () => {
    const desk = await startDesk({ 'handoff:emulator:c1:3': [41], 'handoff:emulator:c1:9': [42] }, [42]);
    try {
      await zendesk(desk.url).notify?.(erased);
      expect(desk.seen.filter((s) => s.method === 'DELETE').map((s) => s.url)).toEqual([
        '/api/v2/tickets/41.json', '/api/v2/deleted_tickets/41.json', '/api/v2/tickets/42.json', '/api/v2/deleted_tickets/42.json',
      ]);
    } finally {
      await desk.close();
    }
  });
});

describe('the desk event outbox handler', () => {
  it('gives up a malformed item at once, and passes a well-formed one to the connector', async () => {
    const heard: DeskEvent[] = [];
    const handler = createDeskEventHandler({ kind: 'webhook', send: async () => ({ status: 201 }), notify: async (e) => void heard.push(e) }, createSilentLogger());
    const malformed = await handler(item({ type: 'other' })).then(() => undefined, (err: unknown) => err);
    expect(isPermanent(malformed)).toBe(true);
    await handler(item(erased));
    expect(heard).toEqual([erased]);
  });
});
