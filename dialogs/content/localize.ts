// One locale's Knowledge: the English Knowledge with the same ids and this language's texts and examples. What the
// locale lacks stays English and is listed in `untranslated`, so the engine can count each use of it.
import type { Diagnose, EntityDef, Flow, FlowStep, Intent, Knowledge, Link, ReplyTemplate, SupportContact } from '../types';
import { deepFreeze, toLanguage } from './build';
import { localeFilesOf, type LocaleFileOf, type ValidLocaleFile } from './check-locale-file';

type Translated = { readonly title: string; readonly url?: string };
type Texts<K extends 'replies' | 'flow' | 'contacts' | 'entities' | 'intents'> = LocaleFileOf<K>['data'];

const trim = (text: string) => text.trimEnd();
const byKey = <T>(entries: [string, T][]) => new Map(entries);

/** The English links with the locale's titles (and URLs) by position; a link the locale lacks stays English. */
function linksIn(english: readonly Link[], translated: readonly Translated[] | undefined): readonly Link[] {
  return english.map((l, i) => ({ title: translated?.[i]?.title ?? l.title, url: translated?.[i]?.url ?? l.url }));
}

export function localizeKnowledge(english: Knowledge, files: readonly ValidLocaleFile[], hash: string): Knowledge {
  const untranslated: string[] = [];
  const replies = byKey(localeFilesOf(files, 'replies').flatMap((f): [string, Texts<'replies'>['replies'][string]][] => Object.entries(f.data.replies)));
  const intents = byKey(localeFilesOf(files, 'intents').flatMap((f) => Object.entries(f.data.intents ?? {}).map(([n, i]): [string, { intent: typeof i; file: string; line: number }] => [n, { intent: i, file: f.file, line: f.locator.lineAt(['intents', n]) }])));
  const flows = byKey(localeFilesOf(files, 'flow').map((f): [string, Texts<'flow'>['flow']] => [f.data.flow.id, f.data.flow]));
  const entities = byKey(localeFilesOf(files, 'entities').flatMap((f) => Object.entries(f.data.entities)));
  const contacts = byKey(localeFilesOf(files, 'contacts').flatMap((f) => Object.entries(f.data.contacts)));
  const outOfScope = localeFilesOf(files, 'intents').flatMap((f) => f.data.out_of_scope ?? []);
  const [language] = localeFilesOf(files, 'language');
  const missing = (key: string) => untranslated.push(key);

  const reply = (id: string, template: ReplyTemplate): ReplyTemplate => {
    const t = replies.get(id);
    if (!t) return (missing(`reply:${id}`), template);
    return {
      text: (typeof t.text === 'string' ? [t.text] : t.text).map(trim),
      ...(template.choices && { choices: template.choices.map((c) => ({ label: t.choices?.[c.value] ?? c.label, value: c.value })) }),
      ...(template.links && { links: linksIn(template.links, t.links) }),
    };
  };

  const intent = (i: Intent): Intent => {
    const t = intents.get(i.name);
    if (!t) return (missing(`intent:${i.name}`), i);
    return { ...i, label: t.intent.label, examples: t.intent.examples, source: { file: t.file, line: t.line } };
  };

  const entity = (def: EntityDef): EntityDef => {
    const t = entities.get(def.name);
    if (!t) {
      if (def.labels) missing(`entity:${def.name}`);
      return def;
    }
    const values = def.values && Object.fromEntries(Object.entries(def.values).map(([v, synonyms]) => [v, [...synonyms, ...(t.values?.[v] ?? [])]]));
    return {
      ...def,
      ...(values && { values }),
      ...((def.patterns || t.patterns) && { patterns: [...(def.patterns ?? []), ...(t.patterns ?? [])] }),
      ...(def.labels && { labels: { ...def.labels, ...t.labels } }),
    };
  };

  const step = (flow: string, s: FlowStep, t: NonNullable<Texts<'flow'>['flow']['steps']>[string] | undefined): FlowStep => {
    if (!t) return (missing(`step:${flow}/${s.id}`), s);
    // A translation written before the English had a "show me how", a warning or a question: those stay English, and count.
    const lacks = (field: 'detail' | 'confirm' | 'ask') => s[field] !== undefined && t[field] === undefined;
    if (lacks('detail') || lacks('confirm') || lacks('ask')) missing(`step:${flow}/${s.id}`);
    return {
      ...s,
      title: t.title,
      say: trim(t.say),
      links: linksIn(s.links, t.links),
      ...(s.detail !== undefined && { detail: trim(t.detail ?? s.detail) }),
      ...(s.confirm !== undefined && { confirm: trim(t.confirm ?? s.confirm) }),
      ...(s.ask !== undefined && { ask: trim(t.ask ?? s.ask) }),
    };
  };

  const diagnose = (flow: string, d: Diagnose, t: Texts<'flow'>['flow']['diagnose']): Diagnose => {
    if (!t) return (missing(`diagnose:${flow}`), d);
    return { say: trim(t.say), options: d.options.map((o) => ({ ...o, label: t.options[o.id] ?? o.label })) };
  };

  const flow = (f: Flow): Flow => {
    const t = flows.get(f.id);
    if (!t) missing(`flow:${f.id}`);
    return {
      ...f,
      title: t?.title ?? f.title,
      steps: f.steps.map((s) => step(f.id, s, t?.steps?.[s.id])),
      ...(f.diagnose && { diagnose: diagnose(f.id, f.diagnose, t?.diagnose) }),
    };
  };

  const contact = (c: SupportContact): SupportContact => {
    const t = contacts.get(c.region);
    if (!t) return (missing(`contact:${c.region}`), c);
    return { ...c, name: t.name, links: linksIn(c.links, t.links) };
  };

  const built: Knowledge = {
    replies: Object.fromEntries(Object.entries(english.replies).map(([id, template]) => [id, reply(id, template)])),
    intents: english.intents.map(intent),
    outOfScope: outOfScope.length > 0 ? outOfScope : (missing('out_of_scope'), english.outOfScope),
    entities: english.entities.map(entity),
    flows: english.flows.map(flow),
    contacts: english.contacts.map(contact),
    ...(english.helpdesk && { helpdesk: english.helpdesk }),
    hash,
    ...(language && { language: toLanguage(language.data.language) }),
    untranslated,
  };
  return deepFreeze(built);
}
