// botbuilder Storage item rules shared by every backend: how eTags are made, checked, stripped and put back.
import { randomBytes } from 'node:crypto';
import type { StoreItem, StoreItems } from 'botbuilder';

/** The wildcard eTag: write unconditionally (botbuilder's convention). */
export const ANY_ETAG = '*';

/** 72 random bits per process, so two processes sharing a store never mint the same eTag. */
const PROCESS_TAG = randomBytes(9).toString('base64url');
let minted = 0;

/** A fresh eTag: this process's random tag and a counter (a random draw per write cost a few % of a turn's CPU). */
export function newETag(): string {
  minted += 1;
  return `${PROCESS_TAG}${minted.toString(36)}`;
}

/** The eTag a write must match, or undefined for an unconditional write (no eTag, empty, or `*`). */
export function expectedETag(item: StoreItem): string | undefined {
  const eTag: unknown = item.eTag;
  return typeof eTag === 'string' && eTag !== '' && eTag !== ANY_ETAG ? eTag : undefined;
}

/**
 * botbuilder's rule: a write with an eTag conflicts only if an item is stored and its eTag differs. A write with an eTag
 * to a missing key succeeds (as botbuilder's MemoryStorage does), so an expired session is simply written anew.
 */
export function conflicts(expected: string | undefined, stored: string | undefined): boolean {
  return expected !== undefined && stored !== undefined && stored !== expected;
}

/** The JSON stored for an item: everything but its eTag, which is stored beside it. */
export function encodeItem(key: string, item: unknown): string {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`Storage: item "${key}" must be an object`);
  }
  const { eTag: _ignored, ...rest } = item as StoreItem;
  return JSON.stringify(rest);
}

/** A fresh copy of a stored item with its current eTag, so callers never share objects with the store. */
export function decodeItem(json: string, eTag: string): StoreItem {
  // The parsed object is already fresh: no copy needed to add the eTag.
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ...(parsed as Record<string, unknown>), eTag };
  const item = parsed as StoreItem;
  item.eTag = eTag;
  return item;
}

/** The non-empty changes of a write, in order; `undefined` values are skipped like botbuilder's stores skip them. */
export function changeList(changes: StoreItems): [key: string, item: StoreItem][] {
  if (!changes || typeof changes !== 'object') throw new TypeError('Storage: changes are required when writing');
  return Object.entries(changes).filter(([, item]) => item !== undefined) as [string, StoreItem][];
}

/** Reads need keys: botbuilder throws on a missing list, and so do we. */
export function keyList(keys: readonly string[]): readonly string[] {
  if (!Array.isArray(keys)) throw new TypeError('Storage: keys are required');
  return keys;
}
