// Outbox items about a handoff refer to the packet stored once in its record: the ticket carries the id, the help
// desk gets the packet; a story replaced by a newer one is not sent; items from before references still deliver.
import { loadConfig } from '../../bot/config';
import { createHandoff } from '../../bot/handoff';
import type { HelpdeskConnector } from '../../bot/helpdesk';
import { createSilentLogger } from '../../bot/logger';
import type { ConversationAddress, HandoffPacket } from '../../bot/ports';
import { createMemoryStore } from '../../bot/storage';
import { samplePacket } from './support/packets';

const webchat: ConversationAddress = { channel: 'webchat', conversationKey: 'webchat:dl_1', reference: { serviceUrl: 'http://127.0.0.1/', conversation: { id: 'dl_1' } } };

function world() {
  const sent: HandoffPacket[] = [];
  const connector: HelpdeskConnector = { kind: 'webhook', send: async (packet) => (sent.push(packet), { status: 201 }) };
  const store = createMemoryStore();
  const handoff = createHandoff({ config: loadConfig({ AGENT_TOKEN: 'tok' }), logger: createSilentLogger(), knowledge: {}, store, connector });
  return { sent, store, handoff };
}

describe('handoff packets by reference', () => {
  it('stores the packet once: the ticket item names it, the help desk receives it whole', async () => {
    const { sent, store, handoff } = world();
    const packet = samplePacket();
    await handoff.desk.open(packet, webchat);
    const ticket = (await store.outbox.list()).find((i) => i.kind === 'helpdesk.ticket');
    expect(ticket?.payload).toEqual({ handoffId: packet.id, conversationKey: 'webchat:dl_1', orderKey: 'webchat:dl_1' });
    await handoff.worker.tick();
    expect(sent).toEqual([(await handoff.records.get('webchat:dl_1'))?.packet]);
    expect(sent[0]).toMatchObject({ id: packet.id, transcript: expect.arrayContaining([expect.objectContaining({ from: 'bot' })]) });
  });

  it('sends nothing for a story a newer one replaced before delivery (the newer item sends that)', async () => {
    const { sent, store, handoff } = world();
    await handoff.desk.open(samplePacket(), webchat);
    await handoff.desk.open(samplePacket({ id: 'handoff:webchat:dl_1:9' }), webchat);
    await handoff.worker.tick();
    expect(sent.map((p) => p.id)).toEqual(['handoff:webchat:dl_1:9']);
    expect((await store.outbox.list('delivered')).filter((i) => i.kind === 'helpdesk.ticket')).toHaveLength(2);
  });

  it('delivers an item that still carries its own packet (enqueued before references)', async () => {
    const { sent, store, handoff } = world();
    const packet = samplePacket();
    await store.outbox.enqueue({ id: `ticket:${packet.id}`, kind: 'helpdesk.ticket', payload: { packet, orderKey: 'webchat:dl_1' } });
    await handoff.worker.tick();
    expect(sent).toEqual([packet]);
  });

  it('gives up an item whose record is gone (erased, or past its lifetime)', async () => {
    const { sent, store, handoff } = world();
    await store.outbox.enqueue({ id: 'ticket:handoff:webchat:dl_1:7', kind: 'helpdesk.ticket', payload: { handoffId: 'handoff:webchat:dl_1:7', conversationKey: 'webchat:dl_1', orderKey: 'webchat:dl_1' } });
    await handoff.worker.tick();
    expect(sent).toEqual([]);
    expect((await store.outbox.list('dead')).map((i) => i.id)).toEqual(['ticket:handoff:webchat:dl_1:7']);
  });
});
