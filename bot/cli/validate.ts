// `npm run validate`: loads KNOWLEDGE_DIR (default ./knowledge) and prints every problem, or a one-line summary.
// Translations missing or stale (the English changed after them) are listed as warnings, with one line per locale:
// what to translate next. They do not fail the run (the English is used meanwhile) unless `--strict`.
import { formatProblem, loadKnowledge } from '../../dialogs';

const dir = process.env.KNOWLEDGE_DIR ?? './knowledge';
const strict = process.argv.includes('--strict');
const result = loadKnowledge(dir);

if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`${result.problems.length} problem(s) in ${dir}`);
  process.exitCode = 1;
} else {
  const { intents, flows } = result.knowledge;
  const examples = intents.reduce((n, intent) => n + intent.examples.length, 0);
  const steps = flows.reduce((n, flow) => n + flow.steps.length, 0);
  for (const warning of result.warnings) console.log(formatProblem(warning));
  console.log(
    `${dir}: ok: ${result.files.length} files, ${intents.length} intents, ${examples} examples, ${flows.length} flows, ${steps} steps`,
  );
  for (const [lang, k] of Object.entries(result.languages)) {
    const own = k.intents.filter((i) => !k.untranslated?.includes(`intent:${i.name}`)).reduce((n, i) => n + i.examples.length, 0);
    const mine = result.warnings.filter((w) => w.file.includes(`/locales/${lang}/`)).length;
    const what = k.language?.spoken === false ? 'notices only' : `${own} examples of its own, ${k.untranslated?.length ?? 0} texts still in English`;
    console.log(`  ${lang}: ${what}${mine > 0 ? `, ${mine} translation warning(s) above` : ''}`);
  }
  if (strict && result.warnings.length > 0) process.exitCode = 1;
}
