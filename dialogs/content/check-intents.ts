// Cross-checks on intents: names unique across files; no training example under two intents or also out of scope.
import { createFirstSeen, filesOf, placeText } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import type { KnowledgeProblem, PathSegment } from './problems';

/**
 * How examples are compared: case, apostrophes, punctuation and spacing don't make two examples different.
 * An example of symbols only (👍 under `yes`, 👎 under `no`) is compared as written.
 */
export function normalizeExample(text: string): string {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words === '' ? text.trim() : words;
}

export function checkIntents(files: readonly ValidFile[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const names = createFirstSeen();
  // Each example's owner: an intent name, or undefined for out_of_scope.
  const examples = createFirstSeen<string | undefined>();

  for (const source of filesOf(files, 'intents')) {
    const claimExample = (text: string, path: PathSegment[], owner: string | undefined): void => {
      const key = normalizeExample(text);
      const earlier = examples.claim(key, { file: source.file, line: source.locator.lineAt(path) }, owner);
      if (!earlier) return;
      const where = placeText(earlier.place);
      const message =
        earlier.tag === owner
          ? `duplicate example (first at ${where})`
          : earlier.tag === undefined
            ? `example also in out_of_scope (${where})`
            : `example also under intent "${earlier.tag}" (${where})`;
      problems.push(problemAt(source, path, message));
    };

    for (const [name, intent] of Object.entries(source.data.intents)) {
      const earlier = names.claim(name, { file: source.file, line: source.locator.lineAt(['intents', name]) });
      if (earlier) problems.push(problemAt(source, ['intents', name], `duplicate intent name (first at ${placeText(earlier.place)})`));
      intent.examples.forEach((text, i) => claimExample(text, ['intents', name, 'examples', i], name));
    }
    (source.data.out_of_scope ?? []).forEach((text, i) => claimExample(text, ['out_of_scope', i], undefined));
  }
  return problems;
}
