// The help-desk connectors against a recorder on 127.0.0.1: the signed webhook (body, HMAC, idempotency key) and
// Zendesk's Tickets API (URL, basic auth, ticket body); 5xx and timeouts are retried, 4xx are permanent.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basicAuth, createWebhookConnector, createZendeskConnector, type WebhookBody, type ZendeskTicketBody } from '../../bot/helpdesk';
import { isPermanent } from '../../bot/outbox';
import { samplePacket } from './support/packets';
import { startHelpdeskRecorder, type HelpdeskRecorder } from './support/helpdesk-recorder';

let recorder: HelpdeskRecorder;
beforeAll(async () => {
  recorder = await startHelpdeskRecorder();
});
afterAll(() => recorder.close());
beforeEach(() => recorder.reset());

/** What a send ended in: delivered, or the kind of failure the outbox would see. */
async function outcome(send: () => Promise<unknown>): Promise<string> {
  try {
    await send();
    return 'delivered';
  } catch (err) {
    return isPermanent(err) ? 'permanent' : 'retry';
  }
}

describe('webhook connector', () => {
  const packet = samplePacket();
  const connector = () => createWebhookConnector({ url: `${recorder.url}/hooks/bot`, secret: 'top-secret' });

  it('posts the packet as JSON, signed with HMAC-SHA256, keyed by the packet id', async () => {
    const receipt = await connector().send(packet);
    expect(receipt).toEqual({ status: 201, ticketId: 'T-1' });
    const [request] = recorder.requests;
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.headers['idempotency-key']).toBe(packet.id);
    expect(request.headers['x-signature']).toBe(`sha256=${createHmac('sha256', 'top-secret').update(request.raw).digest('hex')}`);
    expect(JSON.parse(request.raw) as WebhookBody).toEqual({ type: 'handoff', version: 1, packet });
  });

  it('creates one ticket however often it is sent (the receiver drops repeated keys)', async () => {
    await connector().send(packet);
    await connector().send(packet);
    expect(recorder.requests).toHaveLength(2);
    expect(recorder.tickets).toHaveLength(1);
  });

  it.each([
    [503, 'retry'],
    [500, 'retry'],
    [429, 'retry'],
    [400, 'permanent'],
    [401, 'permanent'],
    [404, 'permanent'],
  ])('an answer of HTTP %i is a %s', async (status, expected) => {
    recorder.down(status);
    await expect(outcome(() => connector().send(packet))).resolves.toBe(expected);
  });

  it('retries when nobody listens, and when the help desk takes too long', async () => {
    await expect(outcome(() => createWebhookConnector({ url: 'http://127.0.0.1:9/none', secret: 's' }).send(packet))).resolves.toBe('retry');
    const silent: Server = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
      await expect(outcome(() => createWebhookConnector({ url, secret: 's', timeoutMs: 150 }).send(packet))).resolves.toBe('retry');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('Zendesk connector', () => {
  const packet = samplePacket();

  it('creates a ticket through the Tickets API with basic auth, external_id and the idempotency key', async () => {
    const zendesk = createZendeskConnector({ url: `${recorder.url}/`, email: 'bot@example.com', apiToken: 'zd-token' });
    const receipt = await zendesk.send(packet);
    expect(receipt).toEqual({ status: 201, ticketId: '1' });
    const [request] = recorder.requests;
    expect(request.path).toBe('/api/v2/tickets.json');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('bot@example.com/token:zd-token').toString('base64')}`);
    expect(request.headers.authorization).toBe(basicAuth('bot@example.com', 'zd-token'));
    expect(request.headers['idempotency-key']).toBe(packet.id);
    const body = JSON.parse(request.raw) as ZendeskTicketBody;
    expect(body.ticket).toMatchObject({ external_id: packet.id, priority: 'high', comment: { public: false } });
    expect(body.ticket.subject).toMatch(/Ada/);
    expect(body.ticket.tags).toEqual(expect.arrayContaining(['chatbot_handoff', 'all_fixes_failed', 'channel_webchat']));
    expect(body.ticket.comment.body).toMatch(/Free up iCloud storage: not fixed[^]*iphone_model: iPhone 13[^]*Transcript:[^]*my backup failed/);
  });

  it('treats a 422 (invalid ticket) as permanent and a 503 as worth retrying', async () => {
    const zendesk = createZendeskConnector({ url: recorder.url, email: 'bot@example.com', apiToken: 'zd-token' });
    recorder.down(422);
    await expect(outcome(() => zendesk.send(packet))).resolves.toBe('permanent');
    recorder.down(503);
    await expect(outcome(() => zendesk.send(packet))).resolves.toBe('retry');
  });
});
