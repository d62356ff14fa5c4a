// Groups unrecognized messages by similarity (cosine of character trigram counts over normalised text), so an
// author assigns "ten ways of asking the same thing" once instead of ten times.
import { normalizeText } from '../../../dialogs';
import type { UnrecognizedRecord } from '../unrecognized-log';

export interface MessageGroup {
  /** The first message of the group, shown as its title. */
  readonly leader: string;
  /** Distinct texts, most frequent first. */
  readonly texts: readonly string[];
  /** Messages in the group, duplicates included. */
  readonly count: number;
  /** The intent the bot leaned to most often (its top guess), to suggest. */
  readonly suggestion?: string;
}

/** Default similarity for two messages to share a group, tuned by eye on typo'd and reworded pairs. */
export const GROUP_SIMILARITY = 0.5;

function trigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of normalizeText(text).split(' ')) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) counts.set(padded.slice(i, i + 3), (counts.get(padded.slice(i, i + 3)) ?? 0) + 1);
  }
  return counts;
}

export function similarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let [na, nb] = [0, 0];
  for (const [k, v] of a) {
    na += v * v;
    dot += v * (b.get(k) ?? 0);
  }
  for (const v of b.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Greedy leader clustering: frequent texts first, each joins the first group whose leader is similar enough. */
export function groupMessages(records: readonly UnrecognizedRecord[], threshold = GROUP_SIMILARITY): MessageGroup[] {
  const byText = new Map<string, { count: number; guesses: Map<string, number> }>();
  for (const r of records) {
    const entry = byText.get(r.text) ?? { count: 0, guesses: new Map<string, number>() };
    entry.count++;
    const guess = r.ranking[0]?.intent;
    if (guess) entry.guesses.set(guess, (entry.guesses.get(guess) ?? 0) + 1);
    byText.set(r.text, entry);
  }
  const texts = [...byText.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const groups: { leader: Map<string, number>; texts: string[]; count: number; guesses: Map<string, number> }[] = [];
  for (const [text, entry] of texts) {
    const vector = trigrams(text);
    const group = groups.find((g) => similarity(g.leader, vector) >= threshold);
    const target = group ?? { leader: vector, texts: [], count: 0, guesses: new Map<string, number>() };
    if (!group) groups.push(target);
    target.texts.push(text);
    target.count += entry.count;
    for (const [guess, n] of entry.guesses) target.guesses.set(guess, (target.guesses.get(guess) ?? 0) + n);
  }
  return groups
    .map((g) => {
      const suggestion = [...g.guesses.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      return { leader: g.texts[0] as string, texts: g.texts, count: g.count, ...(suggestion ? { suggestion } : {}) };
    })
    .sort((a, b) => b.count - a.count || a.leader.localeCompare(b.leader));
}
