// zod issues → knowledge problems, in the words of someone editing YAML (mapping, list, text), each at its line.
import type { z } from 'zod';
import type { Locator } from './locate';
import { formatPath, type KnowledgeProblem, type PathSegment } from './problems';

type Issue = z.core.$ZodIssue;

const TYPE_WORDS: Partial<Record<string, string>> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number' };

export function issuesToProblems(file: string, locator: Locator, issues: readonly Issue[]): KnowledgeProblem[] {
  return issues.flatMap((issue) => explain(issue, []).map(({ path, message }) => ({
    file,
    line: locator.lineAt(path),
    path: formatPath(path),
    message,
  })));
}

interface Explained {
  readonly path: PathSegment[];
  readonly message: string;
}

function explain(issue: Issue, prefix: readonly PathSegment[]): Explained[] {
  const path = [...prefix, ...issue.path.map(toSegment)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown key' }));
    case 'invalid_type':
      return [{ path, message: issue.input === undefined ? 'missing required key' : `expected ${word(issue.expected)}, got ${describe(issue.input)}` }];
    case 'invalid_key':
      return [{ path, message: `key ${issue.issues.map((inner) => inner.message).join('; ')}` }];
    case 'invalid_union':
      return explainUnion(issue, path);
    case 'too_small':
      return [{ path, message: issue.minimum === 1 ? 'must not be empty' : issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

/** A union (reply `text`: text or a list of texts): report inside the branch whose shape matched, else what was expected. */
function explainUnion(issue: z.core.$ZodIssueInvalidUnion, path: PathSegment[]): Explained[] {
  const matched = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
  if (matched) return matched.flatMap((inner) => explain(inner, path));
  const expected = issue.errors.flatMap((branch) => branch.flatMap((inner) => (inner.code === 'invalid_type' ? [word(inner.expected)] : [])));
  if (expected.length === 0) return issue.errors.flat().flatMap((inner) => explain(inner, path)).slice(0, 1);
  const what = issue.input === undefined ? 'missing required key' : `expected ${expected.join(' or ')}, got ${describe(issue.input)}`;
  return [{ path, message: what }];
}

function word(type: string): string {
  return TYPE_WORDS[type] ?? type;
}

/** What the YAML held instead: `a list`, `a number (3)`, `nothing`. */
function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${word(typeof value)} (${String(value)})`;
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === 'number' ? key : String(key);
}
