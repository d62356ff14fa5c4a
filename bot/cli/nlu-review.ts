// `npm run nlu:review`: the messages the bot did not understand (DATA_DIR/unrecognized.jsonl), grouped by similarity;
// an author assigns a group or a message to an intent and the example is appended to that intent's YAML file.
//   npm run nlu:review                              interactive (readline)
//   npm run nlu:review -- --list                    print the groups and exit
//   npm run nlu:review -- --assign "text=intent"    non-interactive; repeatable; intent "out_of_scope" for none
import { createInterface } from 'node:readline/promises';
import { formatProblem, loadKnowledge, type Knowledge } from '../../dialogs';
import { assignExamples, OUT_OF_SCOPE, parseAssignment, type Assignment } from '../nlu/review/assign';
import { groupMessages, type MessageGroup } from '../nlu/review/group';
import { readArgs, usageOf } from './args';
import { readUnrecognized, removeUnrecognized } from '../nlu/unrecognized-log';

const { values } = readArgs({
  'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
  knowledge: { type: 'string', default: process.env.KNOWLEDGE_DIR ?? './knowledge' },
  assign: { type: 'string', multiple: true },
  list: { type: 'boolean', default: false },
}, usageOf('npm run nlu:review', 'npm run nlu:review -- --list', 'npm run nlu:review -- --assign "text=intent" [--assign ...]'));
const dataDir = values['data-dir'] as string;
const knowledgeDir = values.knowledge as string;

function printGroup(group: MessageGroup, index: number): void {
  const hint = group.suggestion ? `  (bot's guess: ${group.suggestion})` : '';
  console.log(`\n#${index + 1}  ${group.count} message(s)${hint}`);
  group.texts.slice(0, 10).forEach((t, i) => console.log(`   ${i + 1}. ${t}`));
  if (group.texts.length > 10) console.log(`   … and ${group.texts.length - 10} more`);
}

function apply(knowledge: Knowledge, assignments: readonly Assignment[]): void {
  for (const r of assignExamples(knowledgeDir, knowledge, assignments)) {
    console.log(`${r.result === 'added' ? 'added' : 'already there'}: "${r.text}" → ${r.intent} (${r.file})`);
  }
  const removed = removeUnrecognized(dataDir, new Set(assignments.map((a) => a.text)));
  console.log(`${removed} reviewed message(s) removed from the log. Check with: npm run validate && npm run eval:nlu`);
}

/** "intent" for the whole group, or "2,3=intent" for some of its messages. */
function readAnswer(answer: string, group: MessageGroup): Assignment[] {
  const picked = /^([\d,\s]+)=(\S+)$/.exec(answer);
  if (!picked) return group.texts.map((text) => ({ text, intent: answer }));
  const numbers = (picked[1] as string).split(',').map((n) => Number(n.trim()) - 1);
  return numbers.filter((n) => group.texts[n] !== undefined).map((n) => ({ text: group.texts[n] as string, intent: picked[2] as string }));
}

async function interactive(knowledge: Knowledge, groups: readonly MessageGroup[]): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const intents = new Set([...knowledge.intents.map((i) => i.name), OUT_OF_SCOPE]);
  console.log(`Intents: ${[...intents].join(', ')}`);
  console.log('For each group: an intent name (all its messages), "2,3=<intent>" (some), Enter to skip, "q" to stop.');
  for (const [index, group] of groups.entries()) {
    printGroup(group, index);
    for (;;) {
      const answer = (await rl.question('> ')).trim();
      if (answer === '') break;
      if (answer === 'q') return rl.close();
      const assignments = readAnswer(answer, group);
      const unknown = assignments.find((a) => !intents.has(a.intent));
      if (unknown || assignments.length === 0) {
        console.log(unknown ? `No intent "${unknown.intent}".` : 'No such message number.');
        continue;
      }
      apply(knowledge, assignments);
      break;
    }
  }
  rl.close();
}

async function main(): Promise<void> {
  const loaded = loadKnowledge(knowledgeDir);
  if (!loaded.ok) {
    loaded.problems.forEach((p) => console.error(formatProblem(p)));
    process.exitCode = 1;
    return;
  }
  if (values.assign && values.assign.length > 0) return apply(loaded.knowledge, values.assign.map(parseAssignment));
  const groups = groupMessages(readUnrecognized(dataDir));
  if (groups.length === 0) return console.log(`No unrecognized messages in ${dataDir}.`);
  if (values.list || !process.stdin.isTTY) return groups.forEach(printGroup);
  await interactive(loaded.knowledge, groups);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
