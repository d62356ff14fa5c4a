// Many conversations escalating at the same moment, in one process: every handoff opens (none fails on the shared
// inbox index), and without an agent inbox no index is kept at all (it would only grow, rewritten by every handoff).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createHandoff } from '../../bot/handoff';
import type { HelpdeskConnector } from '../../bot/helpdesk';
import { createSilentLogger } from '../../bot/logger';
import type { BotStore, ConversationAddress } from '../../bot/ports';
import { createMemoryStore, createSqliteStore } from '../../bot/storage';
import { samplePacket } from './support/packets';

const CONVERSATIONS = 40;
const connector: HelpdeskConnector = { kind: 'webhook', send: async () => ({ status: 201 }) };
const address = (n: number): ConversationAddress => ({
  channel: 'webchat', conversationKey: `webchat:dl_${n}`, reference: { serviceUrl: 'http://127.0.0.1/', conversation: { id: `dl_${n}` } },
});

const stores: [string, () => BotStore][] = [
  ['memory', () => createMemoryStore()],
  ['SQLite', () => createSqliteStore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-open-')) })],
];

describe.each(stores)(`%s store: ${CONVERSATIONS} handoffs opened at once`, (_name, makeStore) => {
  let store: BotStore;
  beforeEach(() => {
    store = makeStore();
  });
  afterEach(() => store.close());

  async function openAll(env: Record<string, string>) {
    const handoff = createHandoff({ config: loadConfig(env), logger: createSilentLogger(), knowledge: {}, store, connector });
    const opened = await Promise.allSettled(
      Array.from({ length: CONVERSATIONS }, (_, n) =>
        handoff.desk.open(samplePacket({ id: `handoff:webchat:dl_${n}:9`, conversation: `webchat:dl_${n}` }), address(n))),
    );
    return { handoff, failures: opened.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)) };
  }

  it('with the agent inbox: every handoff opens and is queued, in the index once', async () => {
    const { handoff, failures } = await openAll({ AGENT_TOKEN: 'a'.repeat(32) });
    expect(failures).toEqual([]);
    const open = await handoff.records.listOpen();
    expect(open.map((r) => r.conversationKey).sort()).toEqual(Array.from({ length: CONVERSATIONS }, (_, n) => `webchat:dl_${n}`).sort());
    const tickets = (await store.outbox.list()).filter((item) => item.kind === 'helpdesk.ticket');
    expect(tickets).toHaveLength(CONVERSATIONS);
  });

  it('without the agent inbox: every handoff opens with its record and ticket, and no index is written', async () => {
    const { handoff, failures } = await openAll({});
    expect(failures).toEqual([]);
    const records = await Promise.all(Array.from({ length: CONVERSATIONS }, (_, n) => handoff.records.get(`webchat:dl_${n}`)));
    expect(records.every((r) => r?.state === 'queued')).toBe(true);
    expect(await store.storage.read(['handoff/index'])).toEqual({});
    expect((await store.outbox.list()).filter((item) => item.kind === 'helpdesk.ticket')).toHaveLength(CONVERSATIONS);
  });
});
