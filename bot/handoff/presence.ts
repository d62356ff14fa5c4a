// Which agents are at the inbox now: each open inbox page (its event stream) beats every 20 s into one shared item
// (`agent/presence`), so any instance can tell a user "nobody is here" honestly. A beat older than 60 s is gone.
import type { Storage } from 'botbuilder';
import { isETagConflict } from '../storage/errors';

export const PRESENCE_TTL_MS = 60_000;
export const HEARTBEAT_MS = 20_000;
const KEY = 'agent/presence';

interface Seen {
  readonly name: string;
  readonly tenant?: string;
  readonly seenAt: number;
}
type PresenceItem = { agents: Record<string, Seen>; eTag?: string };

export interface PresenceAgent {
  readonly id: string;
  readonly name: string;
  readonly tenant?: string;
}

export interface Presence {
  beat(agent: PresenceAgent): Promise<void>;
  leave(agentId: string): Promise<void>;
  /** True when an agent who may see this tenant's handoffs beat within the TTL (no tenant: any agent without one). */
  anyoneFor(tenant: string | undefined): Promise<boolean>;
}

export function createPresence(storage: Storage, now: () => number): Presence {
  async function change(edit: (agents: Record<string, Seen>) => Record<string, Seen>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const item = (await storage.read([KEY]))[KEY] as PresenceItem | undefined;
      const fresh = Object.fromEntries(Object.entries(item?.agents ?? {}).filter(([, s]) => now() - s.seenAt < PRESENCE_TTL_MS));
      try {
        await storage.write({ [KEY]: { agents: edit(fresh), ...(item?.eTag ? { eTag: item.eTag } : {}) } });
        return;
      } catch (err) {
        if (!isETagConflict(err) || attempt >= 8) throw err;
      }
    }
  }
  return {
    beat: (agent) => change((agents) => ({ ...agents, [agent.id]: { name: agent.name, ...(agent.tenant ? { tenant: agent.tenant } : {}), seenAt: now() } })),
    leave: (agentId) => change((agents) => Object.fromEntries(Object.entries(agents).filter(([id]) => id !== agentId))),
    async anyoneFor(tenant) {
      const item = (await storage.read([KEY]))[KEY] as PresenceItem | undefined;
      return Object.values(item?.agents ?? {}).some((s) => now() - s.seenAt < PRESENCE_TTL_MS && (s.tenant === undefined || s.tenant === tenant));
    },
  };
}
