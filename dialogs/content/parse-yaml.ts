// YAML text → plain data plus a locator, with syntax errors and duplicate keys as problems (never thrown).
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { createLocator, type Locator } from './locate';
import { MAX_NESTING, tooDeepAt } from './nesting';
import { formatPath, type KnowledgeProblem, type PathSegment } from './problems';

export interface ParsedYaml {
  /** The document as plain JS; undefined when the YAML is broken. */
  readonly data: unknown;
  readonly locator: Locator;
  readonly problems: readonly KnowledgeProblem[];
}

const MESSAGES: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'duplicate key',
  MULTIPLE_DOCS: 'one YAML document per file (remove the `---`)',
};

export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const locator = createLocator(parseDocument(''), lineCounter);
    return { data: undefined, locator, problems: [{ file, line: deep, path: '(yaml)', message: `nested more than ${MAX_NESTING} levels deep` }] };
  }
  // YAML 1.2 core schema: `yes`/`no`/`on` stay strings, dates stay strings; duplicate keys are errors.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'core' });
  const locator = createLocator(doc, lineCounter);
  const problemOf = (error: YAMLError): KnowledgeProblem => ({
    file,
    line: lineCounter.linePos(error.pos[0]).line,
    // A broken document's nodes are unreliable, so only a duplicate key gets a path.
    path: error.code === 'DUPLICATE_KEY' ? formatPath(locator.pathAt(error.pos[0])) : '(yaml)',
    message: MESSAGES[error.code] ?? `YAML syntax error: ${firstLine(error.message)}`,
  });
  // Warnings too (an unknown `!tag`, say): knowledge is strict, nothing is silently dropped.
  const problems = [...doc.errors, ...doc.warnings].map(problemOf);
  if (problems.length > 0) return { data: undefined, locator, problems };
  try {
    // maxAliasCount guards against "billion laughs" documents.
    const data: unknown = doc.toJS({ maxAliasCount: 100 });
    // zod's records drop a `__proto__` key without a word; say so instead.
    const reserved = protoPaths(data, []).map((path) => ({ file, line: locator.lineAt(path), path: formatPath(path), message: 'reserved key' }));
    return reserved.length > 0 ? { data: undefined, locator, problems: reserved } : { data, locator, problems };
  } catch (error) {
    const message = error instanceof Error ? firstLine(error.message) : String(error);
    return { data: undefined, locator, problems: [{ file, line: 1, path: '(yaml)', message: `YAML error: ${message}` }] };
  }
}

function protoPaths(value: unknown, path: PathSegment[]): PathSegment[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    return key === '__proto__' ? [at] : protoPaths(child, at);
  });
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  return line.charAt(0).toLowerCase() + line.slice(1);
}
