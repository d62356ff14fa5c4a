// `npm run validate`: loads KNOWLEDGE_DIR (default ./knowledge) and prints every problem, or a one-line summary.
import { formatProblem, loadKnowledge } from '../../dialogs';

const dir = process.env.KNOWLEDGE_DIR ?? './knowledge';
const result = loadKnowledge(dir);

if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  console.error(`${result.problems.length} problem(s) in ${dir}`);
  process.exitCode = 1;
} else {
  const { intents, flows } = result.knowledge;
  const examples = intents.reduce((n, intent) => n + intent.examples.length, 0);
  const steps = flows.reduce((n, flow) => n + flow.steps.length, 0);
  console.log(
    `${dir}: ok: ${result.files.length} files, ${intents.length} intents, ${examples} examples, ${flows.length} flows, ${steps} steps`,
  );
}
