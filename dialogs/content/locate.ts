// Line positions: a path into a parsed YAML document → the line of its key, and an error offset → its path.
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './problems';

/** Finds lines in one parsed document. */
export interface Locator {
  /** Line of the key (in a map) or the item (in a list) at `path`; the nearest existing parent when it is missing. */
  lineAt(path: readonly PathSegment[]): number;
  /** The path of the deepest key or value containing `offset` (for YAML errors, which only carry offsets). */
  pathAt(offset: number): PathSegment[];
}

export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const startOf = (node: unknown): number | undefined => (isNode(node) && node.range ? node.range[0] : undefined);

  return {
    lineAt(path) {
      let node: unknown = doc.contents;
      let line = lineOf(startOf(node) ?? 0);
      for (const segment of path) {
        const step = child(node, segment);
        if (!step) break;
        const start = startOf(step.anchor);
        if (start !== undefined) line = lineOf(start);
        node = step.node;
      }
      return line;
    },
    pathAt(offset) {
      const path: PathSegment[] = [];
      let node: unknown = doc.contents;
      for (;;) {
        const next = childContaining(node, offset);
        if (!next) return path;
        path.push(next.segment);
        if (next.node === undefined) return path;
        node = next.node;
      }
    },
  };
}

/** The child at `segment`: `anchor` is where its line is read (a map key, or the list item itself). */
function child(node: unknown, segment: PathSegment): { anchor: unknown; node: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === String(segment));
    return pair && { anchor: pair.key ?? pair.value, node: pair.value };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { anchor: item, node: item };
  }
  return undefined;
}

/** Which key or item of `node` spans `offset`; `node` is undefined when the offset sits on a key itself. */
function childContaining(node: unknown, offset: number): { segment: PathSegment; node: unknown } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const segment = keyText(pair.key);
      if (contains(pair.key, offset)) return { segment, node: undefined };
      if (contains(pair.value, offset)) return { segment, node: pair.value };
    }
  }
  if (isSeq(node)) {
    const index = node.items.findIndex((item) => contains(item, offset));
    if (index >= 0) return { segment: index, node: node.items[index] };
  }
  return undefined;
}

function contains(node: unknown, offset: number): boolean {
  return isNode(node) && node.range !== undefined && node.range !== null && offset >= node.range[0] && offset < node.range[2];
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
