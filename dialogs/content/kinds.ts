// File kinds: the base name of a knowledge file says what it holds (see docs/knowledge-format.md).

export type FileKind = 'replies' | 'intents' | 'flow' | 'entities' | 'contacts' | 'helpdesk' | 'language';

export const FILE_KINDS: readonly FileKind[] = ['replies', 'intents', 'flow', 'entities', 'contacts', 'helpdesk', 'language'];

/** Base name → kind. `intents` has two names: the global small talk and each pack's own intents. */
export const KIND_BY_FILE_NAME: Readonly<Record<string, FileKind>> = {
  'bot.yaml': 'replies',
  'smalltalk.yaml': 'intents',
  'intents.yaml': 'intents',
  'flow.yaml': 'flow',
  'entities.yaml': 'entities',
  'escalation.yaml': 'contacts',
  'helpdesk.yaml': 'helpdesk',
  'language.yaml': 'language',
};

/** The kind of a knowledge file from its path (either separator), or undefined for an unknown name. */
export function kindOfFile(path: string): FileKind | undefined {
  const base = path.split(/[\\/]/).pop() ?? '';
  return Object.prototype.hasOwnProperty.call(KIND_BY_FILE_NAME, base) ? KIND_BY_FILE_NAME[base] : undefined;
}

/** For the "unknown file kind" message. */
export function knownFileNames(): string {
  return Object.keys(KIND_BY_FILE_NAME).join(', ');
}

/** The folder under the knowledge directory that holds translations: `<root>/locales/<lang>/…`. */
export const LOCALES_DIR = 'locales';

/** The language of a translation file (`knowledge/locales/es/bot.yaml` → `es`), or undefined for a source file. */
export function localeOfFile(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  return parts.length >= 4 && parts[1] === LOCALES_DIR ? parts[2] : undefined;
}

/** The JSON Schema an editor should use for a file: `<kind>` for source files, `locale-<kind>` for translations. */
export function schemaNameOf(path: string): string | undefined {
  const kind = kindOfFile(path);
  if (!kind) return undefined;
  return localeOfFile(path) !== undefined && kind !== 'language' ? `locale-${kind}` : kind;
}
