// Cross-references between files, once each file is valid on its own: every check returns problems, none throws.
import { collectNames } from './catalog';
import type { ValidFile } from './check-file';
import { checkContacts } from './check-contacts';
import { checkEntities } from './check-entities';
import { checkFlows } from './check-flows';
import { checkIntents } from './check-intents';
import { checkLanguage } from './check-language';
import { checkReplies } from './check-replies';
import { checkScope } from './check-scope';
import type { FileKind } from './kinds';
import type { KnowledgeProblem } from './problems';

export interface CrossCheckOptions {
  /**
   * Kinds with a file that failed on its own. References into them are not checked, so one typo in
   * intents.yaml is reported once instead of as "unknown intent" in every flow that uses it.
   */
  readonly broken: ReadonlySet<FileKind>;
  /** The knowledge directory as shown in problems (e.g. `knowledge`), for files that are missing altogether. */
  readonly root: string;
}

export function crossCheck(files: readonly ValidFile[], options: CrossCheckOptions): KnowledgeProblem[] {
  const names = collectNames(files);
  const { broken, root } = options;
  return [
    ...checkReplies(files, names, broken, root),
    ...checkIntents(files),
    ...checkFlows(files, names, broken),
    ...checkEntities(files),
    ...(broken.has('entities') || broken.has('intents') || broken.has('flow') ? [] : checkScope(files)),
    ...checkContacts(files, broken, root),
    ...checkLanguage(files),
  ];
}
