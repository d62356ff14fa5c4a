// The handoff's privacy participant on its own: erasing a user with a queued handoff closes it first (the inbox
// hears it, the index lets it go), deletes the record and every outbox item about the user's conversations (and no
// other's), and tells the help desk which handoffs were theirs only when one is configured.
import { createDeskEventHandler } from '../../bot/helpdesk';
import { OUTBOX_KINDS } from '../../bot/handoff';
import { INBOX_TOPIC } from '../../bot/handoff/events';
import { createHandoffPrivacy } from '../../bot/handoff/privacy';
import { createHandoffRecords } from '../../bot/handoff/records';
import { createSilentLogger } from '../../bot/logger';
import type { PrivacySubject } from '../../bot/ports';
import { createMemoryStore } from '../../bot/storage';
import { samplePacket } from '../handoff/support/packets';

const MINE = 'webchat:dl_1';
const OTHER = 'emulator:other';

async function setup(tickets: boolean) {
  const store = createMemoryStore();
  const records = createHandoffRecords(store.storage);
  const address = (key: string) => ({ channel: 'webchat', conversationKey: key, reference: {} });
  for (const key of [MINE, OTHER]) {
    const packet = samplePacket({ id: `handoff:${key}:7`, conversation: key });
    await records.update(key, () => ({ id: packet.id, conversationKey: key, address: address(key), packet, state: 'queued', openedAt: 1 }));
    await store.outbox.enqueue({ id: `ticket:${packet.id}`, kind: OUTBOX_KINDS.ticket, payload: { packet, orderKey: key } });
    await store.outbox.enqueue({ id: `notice:${packet.id}:opened`, kind: OUTBOX_KINDS.notice, payload: { conversationKey: key, status: 'queued', orderKey: key } });
  }
  await store.outbox.markDelivered(`ticket:handoff:${MINE}:7`);
  const heard: string[] = [];
  await store.bus.subscribe(INBOX_TOPIC, (message) => heard.push(message));
  const participant = createHandoffPrivacy({ records, storage: store.storage, outbox: store.outbox, bus: store.bus, tickets, now: () => 5, logger: createSilentLogger() });
  const subject: PrivacySubject = { userId: 'u1', conversations: [MINE], erasureId: 'e-1' };
  return { store, records, participant, subject, heard };
}

describe('the handoff privacy participant', () => {
  it('exports the record (packet and transcript) and the outbox items of the user\'s conversations only', async () => {
    const { participant, subject } = await setup(true);
    const exported = (await participant.export(subject)) as { records: { conversationKey: string }[]; outbox: { id: string }[] };
    expect(exported.records.map((r) => r.conversationKey)).toEqual([MINE]);
    expect(exported.outbox.map((i) => i.id).sort()).toEqual([`notice:handoff:${MINE}:7:opened`, `ticket:handoff:${MINE}:7`]);
    expect(JSON.stringify(exported)).toContain('my backup failed');
  });

  it('closes an open handoff first, deletes it and its outbox items, and queues the desk\'s user.erased', async () => {
    const { store, records, participant, subject, heard } = await setup(true);
    expect(await participant.erase(subject)).toBe(3);
    expect(await records.get(MINE)).toBeUndefined();
    expect((await records.listOpen()).map((r) => r.conversationKey)).toEqual([OTHER]);
    await Promise.resolve();
    expect(heard.map((m) => JSON.parse(m) as { conversationKey: string })).toEqual([expect.objectContaining({ type: 'queue', conversationKey: MINE })]);
    const left = await store.outbox.list();
    expect(left.filter((i) => i.id.includes(MINE))).toEqual([]);
    expect(left.filter((i) => i.id.includes(OTHER))).toHaveLength(2);
    const [event] = left.filter((i) => i.kind === OUTBOX_KINDS.event);
    expect(event.payload).toEqual({ event: { type: 'user.erased', id: 'erased:e-1', erasureId: 'e-1', handoffIds: [`handoff:${MINE}:7`], at: new Date(5).toISOString() } });
    const delivered: unknown[] = [];
    await createDeskEventHandler({ kind: 'webhook', send: async () => ({ status: 201 }), notify: async (e) => void delivered.push(e) }, createSilentLogger())(event);
    expect(delivered).toHaveLength(1);
    expect(await participant.erase(subject)).toBe(0);
  });

  it('tells no help desk when none is configured', async () => {
    const { store, participant, subject } = await setup(false);
    await participant.erase(subject);
    expect((await store.outbox.list()).filter((i) => i.kind === OUTBOX_KINDS.event)).toEqual([]);
  });
});
