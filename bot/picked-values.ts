// A checklist submit's ticked boxes, as every channel sends them back: the card input's comma-separated string
// (Adaptive Cards Input.ChoiceSet), or a list (Slack checkboxes). Read defensively: the values come from the client.

/** The id of the checklist's card input: its value arrives under this key, beside the submit's own data. */
export const PICKED_INPUT_ID = 'picked';

/** Marks a submit as a checklist's (in card data and Slack button values), so "nothing ticked" still reads as `[]`. */
export const PICK_MANY = 'many';

/** More boxes than any checklist offers; a longer list is forged, and only this many are kept. */
export const MAX_PICKED = 50;

/** As long as the longest action token we send (`step:…`); a longer value is forged and dropped. */
export const MAX_PICKED_LENGTH = 200;

/**
 * The ticked values: strings only, trimmed, non-empty, each at most MAX_PICKED_LENGTH, no repeats, at most MAX_PICKED.
 * Values the reply never offered are kept: the engine ignores what it does not know.
 */
export function readPicked(raw: unknown): string[] {
  // Bound the work before splitting: a forged string or list can be as large as the request body allows.
  const items: unknown[] = typeof raw === 'string'
    ? raw.slice(0, MAX_PICKED * (MAX_PICKED_LENGTH + 1)).split(',')
    : Array.isArray(raw) ? raw.slice(0, MAX_PICKED * 4) : [];
  const picked: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const value = item.trim();
    if (!value || value.length > MAX_PICKED_LENGTH || picked.includes(value)) continue;
    picked.push(value);
    if (picked.length === MAX_PICKED) break;
  }
  return picked;
}
