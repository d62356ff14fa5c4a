// What the cross-checks share: valid files by kind, the names they define, and "first seen at" bookkeeping.
import type { ValidFile } from './check-file';
import type { FileKind } from './kinds';

export type FileOf<K extends FileKind> = Extract<ValidFile, { readonly kind: K }>;

export function filesOf<K extends FileKind>(files: readonly ValidFile[], kind: K): FileOf<K>[] {
  return files.filter((f): f is FileOf<K> => f.kind === kind);
}

/** Names the knowledge defines, for checking references to them. */
export interface Names {
  readonly intents: ReadonlySet<string>;
  readonly steps: ReadonlySet<string>;
  /** Entity name → its closed list of values (undefined for pattern-only entities, whose values are open). */
  readonly entities: ReadonlyMap<string, readonly string[] | undefined>;
}

export function collectNames(files: readonly ValidFile[]): Names {
  const intents = new Set(filesOf(files, 'intents').flatMap((f) => Object.keys(f.data.intents)));
  const steps = new Set(filesOf(files, 'flow').flatMap((f) => f.data.flow.steps.map((s) => s.id)));
  const entities = new Map<string, readonly string[] | undefined>();
  for (const f of filesOf(files, 'entities')) {
    for (const [name, def] of Object.entries(f.data.entities)) {
      if (!entities.has(name)) entities.set(name, def.values ? Object.keys(def.values) : undefined);
    }
  }
  return { intents, steps, entities };
}

/** Where something was first defined, for "(first at knowledge/x.yaml:12)". */
export interface Place {
  readonly file: string;
  readonly line: number;
}

export function placeText(place: Place): string {
  return `${place.file}:${place.line}`;
}

/**
 * Remembers the first place of each key. `claim` returns undefined the first time a key is seen,
 * and the earlier place (plus what it was stored with) every time after.
 */
export function createFirstSeen<T = undefined>(): {
  claim(key: string, place: Place, tag?: T): { readonly place: Place; readonly tag?: T } | undefined;
} {
  const seen = new Map<string, { readonly place: Place; readonly tag?: T }>();
  return {
    claim(key, place, tag) {
      const earlier = seen.get(key);
      if (earlier) return earlier;
      seen.set(key, { place, tag });
      return undefined;
    },
  };
}
