// A guard before composing YAML: knowledge nests a handful of levels, and composing thousands of levels recurses
// deep enough to crash V8 outright (a stack overflow inside its regexp compiler is fatal, not a RangeError).
import { LineCounter, Parser } from 'yaml';

/** Real knowledge nests about 6 levels (flow › steps › step › links › link › url); this leaves ample room. */
export const MAX_NESTING = 32;

interface CstNode {
  readonly offset?: number;
  readonly value?: unknown;
  readonly items?: readonly { readonly key?: unknown; readonly value?: unknown }[];
}

/**
 * The line where collections first nest deeper than `max`, or undefined. Uses yaml's CST parser, which is a state
 * machine (no recursion), and walks its tokens with an explicit stack.
 */
export function tooDeepAt(text: string, max = MAX_NESTING): number | undefined {
  const lineCounter = new LineCounter();
  const stack: [unknown, number][] = [...new Parser(lineCounter.addNewLine).parse(text)].map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (typeof token !== 'object' || token === null) continue;
    const node = token as CstNode;
    if (depth > max) return lineCounter.linePos(node.offset ?? 0).line;
    if (Array.isArray(node.items)) {
      for (const item of node.items) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    } else if (node.value !== undefined) {
      stack.push([node.value, depth]);
    }
  }
  return undefined;
}
