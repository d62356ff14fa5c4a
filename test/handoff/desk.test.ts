// The desk and the inbox's actions over a memory store, with a pinned clock: what opening a handoff queues (ticket,
// hub event, the user's notice), honesty about availability, idempotency, takeover, tenants and redaction.
import { loadConfig } from '../../bot/config';
import { createHandoff, INBOX_TOPIC, parseInboxEvent, type Handoff, type InboxEvent } from '../../bot/handoff';
import type { HelpdeskConnector } from '../../bot/helpdesk';
import { createSilentLogger } from '../../bot/logger';
import type { ConversationAddress } from '../../bot/ports';
import { createMemoryStore, type MemoryStore } from '../../bot/storage';
import type { HelpdeskHours } from '../../dialogs';
import { createTestClock, type TestClock } from './support/clock';
import { samplePacket } from './support/packets';

const hours: HelpdeskHours = { timezone: 'Europe/London', hours: { mon: ['09:00-17:30'] }, holidays: [] };
const MONDAY_NOON = '2026-03-02T12:00:00Z';
const SUNDAY_NOON = '2026-03-01T12:00:00Z';
const connector: HelpdeskConnector = { kind: 'webhook', send: async () => ({ status: 201 }) };
const webchat: ConversationAddress = { channel: 'webchat', conversationKey: 'webchat:dl_1', reference: { serviceUrl: 'http://127.0.0.1/', conversation: { id: 'dl_1' } } };
const teams = (tenant: string, id = 't1'): ConversationAddress => ({
  channel: 'msteams', conversationKey: `msteams:${id}`, reference: { serviceUrl: 'https://smba.example/', conversation: { id, tenantId: tenant } },
});
const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob', tenant: 'contoso' };

let clock: TestClock;
let store: MemoryStore;
function handoffWith(env: Record<string, string> = { AGENT_TOKEN: 'tok' }): Handoff {
  return createHandoff({ config: loadConfig(env), logger: createSilentLogger(), knowledge: { helpdesk: hours }, store, now: clock.now, connector });
}
/** The outbox, as `kind id [status]` lines, sorted (items enqueued in one millisecond have no order of their own). */
const items = async () => (await store.outbox.list()).map((i) => `${i.kind} ${i.id}${i.payload.status ? ` ${String(i.payload.status)}` : ''}`).sort();

beforeEach(() => {
  clock = createTestClock(MONDAY_NOON);
  store = createMemoryStore({ now: clock.now });
});

describe('handoff desk', () => {
  it('queues the handoff, enqueues the ticket and the notice, and says the place in the queue', async () => {
    const h = handoffWith();
    await h.presence.beat(alice);
    await h.desk.open(samplePacket(), webchat);
    await h.desk.open(samplePacket({ id: 'handoff:webchat:dl_2:3', conversation: 'webchat:dl_2' }), { ...webchat, conversationKey: 'webchat:dl_2' });
    expect(await items()).toEqual([
      'handoff.notice notice:handoff:webchat:dl_1:7:opened queued',
      'handoff.notice notice:handoff:webchat:dl_2:3:opened queued',
      'helpdesk.ticket ticket:handoff:webchat:dl_1:7',
      'helpdesk.ticket ticket:handoff:webchat:dl_2:3',
    ]);
    const rows = await h.inbox.list(alice);
    expect(rows.map((r) => [r.record.conversationKey, r.record.state, r.position])).toEqual([['webchat:dl_1', 'queued', 1], ['webchat:dl_2', 'queued', 2]]);
  });

  it('opens a packet once, however often the turn is retried', async () => {
    const h = handoffWith();
    await h.desk.open(samplePacket(), webchat);
    await h.desk.open(samplePacket(), webchat);
    expect(await items()).toHaveLength(2);
    expect(await h.inbox.list(alice)).toHaveLength(1);
  });

  it.each([
    ['outside business hours', SUNDAY_NOON, true],
    ['with no agent at the inbox', MONDAY_NOON, false],
  ])('tells the user nobody is available %s, and still makes the ticket', async (_name, at, present) => {
    clock.set(at);
    const h = handoffWith();
    if (present) await h.presence.beat(alice);
    await h.desk.open(samplePacket(), webchat);
    expect(await items()).toEqual(['handoff.notice notice:handoff:webchat:dl_1:7:opened unavailable', 'helpdesk.ticket ticket:handoff:webchat:dl_1:7']);
    expect((await h.inbox.list(alice))[0].record.unavailable).toBe(true);
  });

  it('sends Bot Framework conversations a hub event too (HANDOFF_BF_EVENTS), and none when it is off (the default)', async () => {
    await handoffWith({ AGENT_TOKEN: 'tok', HANDOFF_BF_EVENTS: 'true' }).desk.open(samplePacket({ id: 'p1' }), teams('contoso'));
    expect(await items()).toContain('bf.handoff hub:p1');
    await handoffWith({ AGENT_TOKEN: 'tok' }).desk.open(samplePacket({ id: 'p2' }), teams('contoso', 't2'));
    expect(await items()).not.toContain('bf.handoff hub:p2');
  });

  it('lets one agent take a conversation: the bot goes quiet, nobody else can take it', async () => {
    const h = handoffWith();
    await h.desk.open(samplePacket(), webchat);
    expect(await h.desk.isWithAgent('webchat:dl_1')).toBe(false);
    await h.inbox.take(alice, 'webchat:dl_1');
    expect(await h.desk.isWithAgent('webchat:dl_1')).toBe(true);
    await expect(h.inbox.take({ id: 'carol', name: 'Carol' }, 'webchat:dl_1')).rejects.toMatchObject({ code: 'taken' });
    expect(await items()).toContain(`handoff.notice notice:handoff:webchat:dl_1:7:joined:${clock.now()} agent_joined`);
    await h.inbox.handBack(alice, 'webchat:dl_1', 'check_wifi');
    expect(await h.desk.isWithAgent('webchat:dl_1')).toBe(false);
    expect(await h.inbox.list(alice)).toEqual([]);
    await expect(h.inbox.get(alice, 'webchat:dl_1')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('closes a queued handoff the user cancelled: gone from the queue, nobody can take it; a taken one stays', async () => {
    const h = handoffWith();
    await h.desk.open(samplePacket(), webchat);
    await h.desk.open(samplePacket({ id: 'handoff:webchat:dl_2:3', conversation: 'webchat:dl_2' }), { ...webchat, conversationKey: 'webchat:dl_2' });
    await h.inbox.take(alice, 'webchat:dl_2');
    const events: InboxEvent[] = [];
    await store.bus.subscribe(INBOX_TOPIC, (message) => void events.push(parseInboxEvent(message) as InboxEvent));
    await h.desk.cancel('webchat:dl_1');
    await h.desk.cancel('webchat:dl_2');
    await h.desk.cancel('webchat:nobody');
    expect((await h.records.get('webchat:dl_1'))).toMatchObject({ state: 'closed', closedBy: 'user', closedAt: clock.now() });
    expect((await h.inbox.list(alice)).map((r) => [r.record.conversationKey, r.record.state])).toEqual([['webchat:dl_2', 'active']]);
    await expect(h.inbox.take({ id: 'carol', name: 'Carol' }, 'webchat:dl_1')).rejects.toMatchObject({ code: 'not_found' });
    expect(await h.desk.isWithAgent('webchat:dl_1')).toBe(false);
    expect(events).toEqual([{ type: 'queue', conversationKey: 'webchat:dl_1' }]);
  });

  it('lets the bot answer again once the inbox is switched off, even in a conversation an agent had taken', async () => {
    await handoffWith().desk.open(samplePacket(), webchat);
    await handoffWith().inbox.take(alice, 'webchat:dl_1');
    const withoutInbox = handoffWith({});
    const reads = jest.spyOn(store.storage, 'read');
    expect(await withoutInbox.desk.isWithAgent('webchat:dl_1')).toBe(false);
    expect(reads).not.toHaveBeenCalled(); // nothing to ask the store on every turn
    expect(await handoffWith().desk.isWithAgent('webchat:dl_1')).toBe(true);
  });

  it("keeps tenants apart: an agent of one tenant never sees another's conversations", async () => {
    const h = handoffWith();
    await h.desk.open(samplePacket({ id: 'p1' }), teams('contoso', 'a'));
    await h.desk.open(samplePacket({ id: 'p2' }), teams('fabrikam', 'b'));
    expect((await h.inbox.list(bob)).map((r) => r.record.conversationKey)).toEqual(['msteams:a']);
    await expect(h.inbox.get(bob, 'msteams:b')).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.inbox.take(bob, 'msteams:b')).rejects.toMatchObject({ code: 'not_found' });
    expect((await h.inbox.list(alice)).map((r) => r.record.tenant)).toEqual(['contoso', 'fabrikam']);
  });

  it('redacts the packet by default (REDACT_PII), and the lines relayed to the inbox', async () => {
    const h = handoffWith();
    const heard: InboxEvent[] = [];
    await store.bus.subscribe(INBOX_TOPIC, (m) => void heard.push(parseInboxEvent(m) as InboxEvent));
    await h.desk.open(samplePacket(), webchat);
    const { record } = await h.inbox.get(alice, 'webchat:dl_1');
    expect(record.packet.lastUserWords).toBe('call me on [phone]');
    await h.desk.relayFromUser('webchat:dl_1', { from: 'user', text: 'my email is a@b.co', at: MONDAY_NOON });
    await new Promise((resolve) => setImmediate(resolve)); // the in-process bus delivers on a microtask
    expect(heard.find((e) => e.type === 'message')).toMatchObject({ entry: { text: 'my email is [email]' } });
    const plain = createHandoff({ config: loadConfig({ AGENT_TOKEN: 'tok', REDACT_PII: 'false' }), logger: createSilentLogger(), knowledge: {}, store: createMemoryStore(), connector });
    await plain.desk.open(samplePacket(), webchat);
    expect((await plain.inbox.get(alice, 'webchat:dl_1')).record.packet.lastUserWords).toBe('call me on +44 20 7946 0958');
  });
});
