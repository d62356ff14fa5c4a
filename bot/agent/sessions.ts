// Agent logins: a random session id in an HttpOnly cookie, the session itself in the shared store (any instance can
// check it) under the id's hash (a store leak yields no usable cookie), with a CSRF token and an expiry.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { InboxAgent } from '../handoff';

export interface AgentSession {
  readonly agent: InboxAgent;
  /** Sent back in X-CSRF-Token on every state-changing request. */
  readonly csrf: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

export interface AgentSessions {
  create(agent: InboxAgent): Promise<{ id: string; session: AgentSession }>;
  /** The live session for a cookie value, or undefined (unknown, expired: an expired one is deleted). */
  get(id: string | undefined): Promise<AgentSession | undefined>;
  destroy(id: string | undefined): Promise<void>;
}

const keyOf = (id: string): string => `agent/session/${createHash('sha256').update(id).digest('hex')}`;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function createAgentSessions(options: { storage: Storage; ttlMs: number; now: () => number }): AgentSessions {
  const { storage, now } = options;
  return {
    async create(agent) {
      const id = randomBytes(32).toString('base64url');
      const session: AgentSession = { agent, csrf: randomBytes(24).toString('base64url'), expiresAt: now() + options.ttlMs };
      await storage.write({ [keyOf(id)]: { ...session, eTag: '*' } });
      return { id, session };
    },
    async get(id) {
      if (!id || !SESSION_ID.test(id)) return undefined;
      const item = (await storage.read([keyOf(id)]))[keyOf(id)] as (AgentSession & { eTag?: string }) | undefined;
      if (!item) return undefined;
      if (item.expiresAt <= now()) {
        await storage.delete([keyOf(id)]);
        return undefined;
      }
      return { agent: item.agent, csrf: item.csrf, expiresAt: item.expiresAt };
    },
    async destroy(id) {
      if (id && SESSION_ID.test(id)) await storage.delete([keyOf(id)]);
    },
  };
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(session: AgentSession, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(session.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}
