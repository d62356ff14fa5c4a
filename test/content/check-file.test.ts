// check-file: kind by name, YAML, then the strict schema, with zod's issues told in YAML words at their lines.
import { checkFile } from '../../dialogs/content/check-file';
import { formatProblem } from '../../dialogs/content/problems';

const lines = (file: string, text: string): string[] => {
  const checked = checkFile(file, text);
  return checked.ok ? [] : checked.problems.map(formatProblem);
};

describe('checkFile', () => {
  it.each([
    ['bot.yaml', 'replies:\n  hi:\n    text: "Hi"\n'],
    ['bot.yaml', 'replies:\n  hi:\n    text: ["Hi", "Hello"]\n    choices: []\n'],
    ['intents.yaml', 'intents:\n  yes:\n    label: "Yes"\n    examples: ["yes", "yep"]\nout_of_scope: []\n'],
    ['flow.yaml', 'flow:\n  id: a-flow\n  title: T\n  steps:\n    - { id: s, title: T, say: "Do it.", next: escalate }\n'],
    ['entities.yaml', 'entities:\n  ios_version:\n    patterns: ["ios (\\\\d+)"]\n'],
    ['escalation.yaml', 'contacts:\n  - { region: default, name: "Apple" }\n'],
    ['helpdesk.yaml', 'helpdesk:\n  timezone: UTC\n  hours: {}\n'],
  ])('accepts a valid %s', (file, text) => {
    expect(lines(`k/${file}`, text)).toEqual([]);
  });

  it.each([
    ['bot.yaml', 'replies:\n  Welcome:\n    text: "Hi"\n', ['k/bot.yaml:2  replies.Welcome  key must be snake_case (a-z, 0-9, _)']],
    ['bot.yaml', 'replies:\n  hi:\n    text: 5\n', ['k/bot.yaml:3  replies.hi.text  expected text or a list, got a number (5)']],
    ['bot.yaml', 'replies:\n  hi:\n    text: []\n', ['k/bot.yaml:3  replies.hi.text  must not be empty']],
    ['bot.yaml', 'replies:\n  hi:\n    text: "  "\n', ['k/bot.yaml:3  replies.hi.text  must not be empty']],
    ['bot.yaml', 'replies:\n  hi:\n    choices: []\n', ['k/bot.yaml:2  replies.hi.text  missing required key']],
    ['bot.yaml', 'replies:\n  hi:\n    text: "Hi"\n    choices:\n      - { label: "A", value: "two words" }\n', [
      'k/bot.yaml:5  replies.hi.choices[0].value  must be an action token',
    ]],
    ['bot.yaml', '- replies\n', ['k/bot.yaml:1  (root)  expected a mapping, got a list']],
    ['bot.yaml', 'replies: {}\nextra: 1\n', ['k/bot.yaml:2  extra  unknown key']],
    ['intents.yaml', 'intents:\n  x:\n    label: "X"\n    examples: []\n', ['k/intents.yaml:4  intents.x.examples  must not be empty']],
    ['intents.yaml', 'intents:\n  x:\n    label: "X"\n    examples: [1]\n', ['k/intents.yaml:4  intents.x.examples[0]  expected text, got a number (1)']],
    ['flow.yaml', 'flow:\n  id: A_Flow\n  title: T\n  steps: []\n', [
      'k/flow.yaml:2  flow.id  must be kebab-case (a-z, 0-9, -)',
      'k/flow.yaml:4  flow.steps  must not be empty',
    ]],
    ['flow.yaml', 'flow:\n  id: f\n  title: T\n  steps:\n    - id: s\n      title: T\n      sya: "typo"\n', [
      'k/flow.yaml:5  flow.steps[0].say  missing required key',
      'k/flow.yaml:7  flow.steps[0].sya  unknown key',
    ]],
    ['entities.yaml', 'entities:\n  x: {}\n', ['k/entities.yaml:2  entities.x  needs `values` or `patterns`']],
    ['escalation.yaml', 'contacts: []\n', ['k/escalation.yaml:1  contacts  must not be empty']],
    ['helpdesk.yaml', 'helpdesk:\n  timezone: UTC\n  hours: { mon: "09:00-17:00" }\n', [
      'k/helpdesk.yaml:3  helpdesk.hours.mon  expected a list, got text "09:00-17:00"',
    ]],
    ['bot.yaml', '# nothing yet\n', ['k/bot.yaml:1  (root)  empty file; expected `replies:`']],
  ])('reports %s %j', (file, text, expected) => {
    expect(lines(`k/${file}`, text)).toEqual(expected);
  });

  it('reads the kind from the base name and refuses unknown names before parsing', () => {
    expect(lines('k/notes.yaml', 'not: [valid')).toEqual([
      'k/notes.yaml:1  (root)  unknown file kind; expected one of bot.yaml, smalltalk.yaml, intents.yaml, flow.yaml, entities.yaml, escalation.yaml, helpdesk.yaml, language.yaml',
    ]);
  });

  it('keeps the kind of a file that fails, so references into that kind are not second-guessed', () => {
    expect(checkFile('k/flow.yaml', 'flow: 1\n')).toMatchObject({ ok: false, kind: 'flow' });
  });
});
