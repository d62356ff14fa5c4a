// Valid, cross-checked files → the typed Knowledge of dialogs/types.ts: defaults filled in, sources kept, all frozen.
import type { EntityDef, Flow, Intent, Knowledge, LanguageSpec, ReplyTemplate, SupportContact } from '../types';
import { STEMMER_NAMES } from '../nlu/stemmers';
import { filesOf, type FileOf } from './catalog';
import type { ValidFile } from './check-file';

export function buildKnowledge(files: readonly ValidFile[], hash: string): Knowledge {
  const replies: Record<string, ReplyTemplate> = {};
  for (const source of filesOf(files, 'replies')) {
    for (const [id, reply] of Object.entries(source.data.replies)) {
      // Own-property test, not `??=`: a reply named like an Object.prototype member (`constructor`) is still a reply.
      if (Object.hasOwn(replies, id)) continue;
      replies[id] = {
        text: (typeof reply.text === 'string' ? [reply.text] : reply.text).map(trimBlock),
        ...(reply.choices && { choices: reply.choices }),
        ...(reply.links && { links: reply.links }),
      };
    }
  }
  const intentFiles = filesOf(files, 'intents');
  const [helpdesk] = filesOf(files, 'helpdesk');
  const [language] = filesOf(files, 'language');
  return deepFreeze({
    replies,
    intents: intentFiles.flatMap(toIntents),
    outOfScope: intentFiles.flatMap((f) => f.data.out_of_scope ?? []),
    entities: filesOf(files, 'entities').flatMap(toEntities),
    flows: filesOf(files, 'flow').map(toFlow),
    contacts: filesOf(files, 'contacts').flatMap((f) => f.data.contacts.map(toContact)),
    ...(helpdesk && { helpdesk: { ...helpdesk.data.helpdesk, holidays: helpdesk.data.helpdesk.holidays ?? [] } }),
    hash,
    ...(language && { language: toLanguage(language.data.language) }),
  });
}

/** language.yaml → LanguageSpec: spoken unless it says not, the stemmer named for the language when natural has one. */
export function toLanguage(data: FileOf<'language'>['data']['language']): LanguageSpec {
  return {
    code: data.code,
    spoken: data.spoken ?? true,
    stemmer: data.stemmer ?? (STEMMER_NAMES.includes(data.code) ? data.code : 'none'),
    ...(data.fold && { fold: data.fold }),
    ...(data.shorthand && { shorthand: data.shorthand }),
    ...(data.answers && { answers: data.answers }),
    switch: data.switch ?? [],
    ...(data.page && { page: data.page }),
  };
}

function toIntents(source: FileOf<'intents'>): Intent[] {
  return Object.entries(source.data.intents).map(([name, intent]) => ({
    name,
    label: intent.label,
    ...(intent.answer !== undefined && { answer: intent.answer }),
    examples: intent.examples,
    source: { file: source.file, line: source.locator.lineAt(['intents', name]) },
  }));
}

function toEntities(source: FileOf<'entities'>): EntityDef[] {
  return Object.entries(source.data.entities).map(([name, entity]) => ({
    name,
    ...(entity.values && { values: entity.values }),
    ...(entity.patterns && { patterns: entity.patterns }),
    ...(entity.scope && { scope: entity.scope }),
    ...(entity.mask && { mask: true as const }),
    ...(entity.labels && { labels: entity.labels }),
    ...(entity.fact === false && { fact: false }),
  }));
}

function toFlow(source: FileOf<'flow'>): Flow {
  const { flow } = source.data;
  return {
    id: flow.id,
    title: flow.title,
    triggers: flow.triggers ?? [],
    steps: flow.steps.map((step) => ({
      id: step.id,
      title: step.title,
      say: trimBlock(step.say),
      links: step.links ?? [],
      intents: step.intents ?? [],
      ...(step.when && { when: step.when }),
      ...(step.only && { only: step.only }),
      ...(step.next !== undefined && { next: step.next }),
      ...(step.detail !== undefined && { detail: trimBlock(step.detail) }),
      ...(step.ask !== undefined && { ask: trimBlock(step.ask) }),
      ...(step.confirm !== undefined && { confirm: trimBlock(step.confirm) }),
    })),
    ...(flow.diagnose && {
      diagnose: {
        say: trimBlock(flow.diagnose.say),
        options: flow.diagnose.options.map((o) => ({ id: o.id, label: o.label, intents: o.intents ?? [], errors: o.errors ?? [], facts: o.facts ?? {}, try: o.try ?? [] })),
      },
    }),
    source: { file: source.file, line: source.locator.lineAt(['flow']) },
  };
}

function toContact(contact: FileOf<'contacts'>['data']['contacts'][number]): SupportContact {
  return {
    region: contact.region,
    name: contact.name,
    ...(contact.phone !== undefined && { phone: contact.phone, source: contact.phone_source, checked: contact.phone_checked }),
    ...(contact.hours !== undefined && { hours: contact.hours }),
    links: contact.links ?? [],
  };
}

/** A `|` block ends with a newline that means nothing in a chat bubble. */
function trimBlock(text: string): string {
  return text.trimEnd();
}

/** Deep Object.freeze: the engine gets knowledge it cannot change by accident. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
