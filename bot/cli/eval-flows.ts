// `npm run eval:flows`: simulated customers (each with one hidden cause, written blind) played against the engine with
// the real knowledge and NLU: the share fixed before escalation and the mean turns to the fix.
//   npm run eval:flows -- --json                 the report as JSON
//   npm run eval:flows -- --customers <file>     another customers file (default test/flows/customers.yaml)
import { readArgs, usageOf } from './args';
import { createEngine, formatProblem, loadKnowledge, trainUnderstander } from '../../dialogs';
import { readCustomers } from '../flows-eval/customers';
import { formatFlowsReport, summarize } from '../flows-eval/report';
import { playCustomer } from '../flows-eval/simulate';

const { values } = readArgs({
  knowledge: { type: 'string', default: process.env.KNOWLEDGE_DIR ?? './knowledge' },
  customers: { type: 'string', default: 'test/flows/customers.yaml' },
  json: { type: 'boolean', default: false },
}, usageOf('npm run eval:flows [-- --json] [-- --customers <file>] [-- --knowledge <dir>]'));

function main(): number {
  const loaded = loadKnowledge(values.knowledge as string);
  if (!loaded.ok) {
    loaded.problems.forEach((p) => console.error(formatProblem(p)));
    return 2;
  }
  const engine = createEngine({ knowledge: loaded.knowledge, understander: trainUnderstander(loaded.knowledge) });
  const file = values.customers as string;
  const report = summarize(readCustomers(file).map((c) => playCustomer(engine, c)));
  console.log(values.json ? JSON.stringify(report, null, 2) : formatFlowsReport(report, file));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 2;
}
