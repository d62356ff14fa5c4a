// Cross-checks on shared replies: every required id defined once, every choice value a known action token.
import { createFirstSeen, filesOf, placeText, type Names } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import type { FileKind } from './kinds';
import type { KnowledgeProblem } from './problems';
import { REQUIRED_REPLY_IDS } from './reply-ids';

/** Choice values that need no reference check (see docs/knowledge-format.md, "Choice values"). */
export const PLAIN_ACTIONS = [
  'yes', 'no', 'tried', 'unsure', 'human', 'restart', 'help', 'resume', 'goodbye',
  'apple', 'appointment', 'next', 'back', 'repeat', 'steps', 'later', 'detail',
] as const;

export function checkReplies(files: readonly ValidFile[], names: Names, broken: ReadonlySet<FileKind>, root: string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const replyFiles = filesOf(files, 'replies');
  const ids = createFirstSeen();
  for (const source of replyFiles) {
    for (const [id, reply] of Object.entries(source.data.replies)) {
      const earlier = ids.claim(id, { file: source.file, line: source.locator.lineAt(['replies', id]) });
      if (earlier) problems.push(problemAt(source, ['replies', id], `duplicate reply id (first at ${placeText(earlier.place)})`));
      (reply.choices ?? []).forEach((choice, i) => {
        const message = checkAction(choice.value, names, broken);
        if (message) problems.push(problemAt(source, ['replies', id, 'choices', i, 'value'], message));
      });
    }
  }
  // A reply file that failed its own checks may hold the missing ids: don't guess.
  if (broken.has('replies')) return problems;
  if (replyFiles.length === 0) {
    return [...problems, { file: `${root}/bot.yaml`, line: 1, path: 'replies', message: 'missing file: bot.yaml with the shared replies' }];
  }
  const defined = new Set(replyFiles.flatMap((f) => Object.keys(f.data.replies)));
  for (const id of REQUIRED_REPLY_IDS) {
    if (!defined.has(id)) problems.push(problemAt(replyFiles[0], ['replies', id], 'missing required reply'));
  }
  // An intent answered with a reply (`answer:`) needs that reply.
  for (const source of filesOf(files, 'intents')) {
    for (const [name, intent] of Object.entries(source.data.intents)) {
      if (intent.answer !== undefined && !defined.has(intent.answer)) problems.push(problemAt(source, ['intents', name, 'answer'], `unknown reply "${intent.answer}"`));
    }
  }
  return problems;
}

/** Undefined when `value` is a valid action token, else why not. */
export function checkAction(value: string, names: Names, broken: ReadonlySet<FileKind>): string | undefined {
  const [head, ...rest] = value.split(':');
  const arg = rest.join(':');
  if (rest.length === 0) {
    return (PLAIN_ACTIONS as readonly string[]).includes(value)
      ? undefined
      : `unknown action "${value}"; expected one of ${PLAIN_ACTIONS.join(', ')}, intent:<name>, step:<id>, region:<CC>`;
  }
  switch (head) {
    case 'intent':
      return broken.has('intents') || names.intents.has(arg) ? undefined : `unknown intent "${arg}"`;
    case 'step':
      return broken.has('flow') || names.steps.has(arg) ? undefined : `unknown step "${arg}"`;
    case 'region':
      return /^[A-Z]{2}$/.test(arg) ? undefined : `region must be a two-letter code such as GB, not "${arg}"`;
    case 'diag':
      return arg.length > 0 ? undefined : 'diag needs an option id';
    case 'csat':
      return /^[1-5]$/.test(arg) ? undefined : `csat takes a score from 1 to 5, not "${arg}"`;
    default:
      return `unknown action "${value}"; expected intent:<name>, step:<id> or region:<CC>`;
  }
}
