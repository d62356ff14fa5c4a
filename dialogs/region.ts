// The conversation's region (from what the user chose, else the channel's locale) and its support contact.
import type { Knowledge, SupportContact } from './types';
import type { Vars } from './replies';

/** Region codes people and old systems use that ISO 3166-1 spells differently. */
const ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

/** Normalises a region code: `gb` → `GB`, `UK` → `GB`; anything that is not two letters or three digits → undefined. */
export function normalizeRegion(code: string | undefined): string | undefined {
  const c = (code ?? '').trim().toUpperCase();
  if (!/^(?:[A-Z]{2}|\d{3})$/.test(c)) return undefined;
  return ALIASES[c] ?? c;
}

/** The region subtag of a BCP-47 tag: `en-GB` → `GB`, `zh-Hant-TW` → `TW`, `en_us` → `US`, `en` → undefined. */
export function regionOfLocale(locale: string | undefined): string | undefined {
  if (typeof locale !== 'string') return undefined;
  const subtags = locale.split(/[-_]/).slice(1);
  for (const tag of subtags) {
    if (/^(?:[A-Za-z]{2}|\d{3})$/.test(tag)) return normalizeRegion(tag);
    if (tag.length === 1) break; // an extension or private-use singleton: no region after it
  }
  return undefined;
}

/** The user's region: an explicit choice (facts.region) wins over the channel's locale. */
export function conversationRegion(facts: Readonly<Record<string, string>>, locale: string | undefined): string | undefined {
  return normalizeRegion(facts.region) ?? regionOfLocale(locale);
}

/** The contact for a region, else the `default` one (the loader guarantees exactly one), else the first. */
export function contactFor(knowledge: Knowledge, region: string | undefined): SupportContact | undefined {
  const contacts = knowledge.contacts;
  return contacts.find((c) => region !== undefined && c.region.toUpperCase() === region)
    ?? contacts.find((c) => c.region === 'default')
    ?? contacts[0];
}

/** True when knowledge has a contact of the region's own (not just the default). */
export function hasOwnContact(knowledge: Knowledge, region: string | undefined): boolean {
  return region !== undefined && knowledge.contacts.some((c) => c.region.toUpperCase() === region);
}

/** Placeholders the escalation and handoff replies use: {contact_name} {phone} {hours}. */
export function contactVars(contact: SupportContact | undefined): Vars {
  return { contact_name: contact?.name, phone: contact?.phone, hours: contact?.hours };
}

const words = (text: string): string => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * A region named in typed text, from the contacts knowledge has: a code ("DE", "uk") or the country in a contact's
 * name ("Apple Support (Germany)" → "I'm in germany"). Undefined when nothing matches.
 */
export function regionFromText(knowledge: Knowledge, text: string): string | undefined {
  const typed = words(text);
  const code = normalizeRegion(typed.trim());
  if (code !== undefined && hasOwnContact(knowledge, code)) return code;
  const named = knowledge.contacts.find((c) => {
    const country = /\(([^)]+)\)/.exec(c.name)?.[1];
    return c.region !== 'default' && country !== undefined && typed.includes(words(country));
  });
  return named?.region.toUpperCase();
}
