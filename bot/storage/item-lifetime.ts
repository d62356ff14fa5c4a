// How long a stored item lives after its last write, decided per item: a session, a closed handoff, an agent login
// and a Direct Line conversation each have their own lifetime (bot/privacy/lifetimes.ts), the same on every store.
import type { StoreItem } from 'botbuilder';

/** Milliseconds the item lives after this write; 0 (or less) keeps it until it is written again or deleted. */
export type ItemLifetime = (key: string, item: Readonly<StoreItem>) => number;

/** A store option as a lifetime: one number for every item (the old `itemTtlMs`), a policy, or none (forever). */
export function lifetimeOf(option: number | ItemLifetime | undefined): ItemLifetime | undefined {
  if (typeof option === 'function') return option;
  if (!option || option <= 0) return undefined;
  return () => option;
}

/** The lifetime this write gives the item, in ms; 0 when it does not expire. */
export function ttlOf(lifetime: ItemLifetime | undefined, key: string, item: Readonly<StoreItem>): number {
  const ms = lifetime ? lifetime(key, item) : 0;
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0;
}
