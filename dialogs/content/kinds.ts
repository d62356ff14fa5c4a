// File kinds: the base name of a knowledge file says what it holds (see docs/knowledge-format.md).

export type FileKind = 'replies' | 'intents' | 'flow' | 'entities' | 'contacts' | 'helpdesk';

export const FILE_KINDS: readonly FileKind[] = ['replies', 'intents', 'flow', 'entities', 'contacts', 'helpdesk'];

/** Base name → kind. `intents` has two names: the global small talk and each pack's own intents. */
export const KIND_BY_FILE_NAME: Readonly<Record<string, FileKind>> = {
  'bot.yaml': 'replies',
  'smalltalk.yaml': 'intents',
  'intents.yaml': 'intents',
  'flow.yaml': 'flow',
  'entities.yaml': 'entities',
  'escalation.yaml': 'contacts',
  'helpdesk.yaml': 'helpdesk',
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
