// What a translation translates: every English text entry (a reply, an intent's label, a flow's title, its diagnostic
// question, a step, an entity's labels, a contact), with the hash a translation records as `en:` and its place.
import { createHash } from 'node:crypto';
import { filesOf } from './catalog';
import type { ValidFile } from './check-file';
import type { LocaleKind } from './locale-schema';
import type { PathSegment } from './problems';

export interface EnglishEntry {
  /** `reply:<id>`, `intent:<name>`, `flow:<id>`, `diagnose:<flow>`, `step:<flow>/<step>`, `entity:<name>`, `contact:<region>`. */
  readonly key: string;
  /** The kind of translation file that holds it. */
  readonly kind: LocaleKind;
  /** Its path inside that file, e.g. `['replies', 'welcome']`, `['flow', 'steps', 'check_storage']`. */
  readonly path: readonly PathSegment[];
  readonly hash: string;
  /** The English file and line. */
  readonly file: string;
  readonly line: number;
}

/** 8 hex digits of sha256 over the English texts of an entry (trailing newlines of `|` blocks left out). */
export function englishHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 8);
}

const block = (text: string | undefined) => text?.trimEnd();
const titles = (links: readonly { readonly title: string }[] | undefined) => (links ?? []).map((l) => l.title);

export function englishEntries(files: readonly ValidFile[]): EnglishEntry[] {
  const out: EnglishEntry[] = [];
  const add = (source: ValidFile, key: string, kind: LocaleKind, path: PathSegment[], value: unknown, at: PathSegment[] = path) =>
    out.push({ key, kind, path, hash: englishHash(value), file: source.file, line: source.locator.lineAt(at) });
  for (const source of filesOf(files, 'replies')) {
    for (const [id, r] of Object.entries(source.data.replies)) {
      const text = (typeof r.text === 'string' ? [r.text] : r.text).map((t) => t.trimEnd());
      add(source, `reply:${id}`, 'replies', ['replies', id], { text, choices: (r.choices ?? []).map((c) => c.label), links: titles(r.links) });
    }
  }
  for (const source of filesOf(files, 'intents')) {
    for (const [name, intent] of Object.entries(source.data.intents)) add(source, `intent:${name}`, 'intents', ['intents', name], intent.label);
  }
  for (const source of filesOf(files, 'flow')) {
    const { flow } = source.data;
    add(source, `flow:${flow.id}`, 'flow', ['flow'], flow.title, ['flow', 'title']);
    if (flow.diagnose) {
      add(source, `diagnose:${flow.id}`, 'flow', ['flow', 'diagnose'], { say: block(flow.diagnose.say), options: flow.diagnose.options.map((o) => o.label) });
    }
    flow.steps.forEach((s, i) => {
      const value = { title: s.title, say: block(s.say), detail: block(s.detail), confirm: block(s.confirm), ...(s.ask !== undefined && { ask: block(s.ask) }), links: titles(s.links) };
      add(source, `step:${flow.id}/${s.id}`, 'flow', ['flow', 'steps', s.id], value, ['flow', 'steps', i]);
    });
  }
  for (const source of filesOf(files, 'entities')) {
    for (const [name, entity] of Object.entries(source.data.entities)) {
      if (entity.labels) add(source, `entity:${name}`, 'entities', ['entities', name], entity.labels);
    }
  }
  for (const source of filesOf(files, 'contacts')) {
    source.data.contacts.forEach((c, i) => add(source, `contact:${c.region}`, 'contacts', ['contacts', c.region], { name: c.name, links: titles(c.links) }, ['contacts', i]));
  }
  return out;
}
