// load: the whole pipeline over many files: all problems at once, missing files, disk reading, never a throw.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadKnowledge, parseKnowledge } from '../../dialogs';
import { brokenFixture, MINIMAL_DIR, minimalFiles, problemLines, withFile } from './helpers';

describe('parseKnowledge', () => {
  it('loads the minimal set, reading files before subfolders', () => {
    const result = parseKnowledge(minimalFiles());
    expect(problemLines(result)).toEqual([]);
    expect(result.ok && result.files).toEqual([
      'knowledge/bot.yaml',
      'knowledge/entities.yaml',
      'knowledge/escalation.yaml',
      'knowledge/helpdesk.yaml',
      'knowledge/smalltalk.yaml',
      'knowledge/packs/demo/flow.yaml',
      'knowledge/packs/demo/intents.yaml',
    ]);
  });

  it('reports every problem of every file at once', () => {
    const files = withFile(
      withFile(minimalFiles(), 'knowledge/bot.yaml', brokenFixture('unknown-key.yaml')),
      'knowledge/packs/broken/flow.yaml',
      brokenFixture('next-cycle.yaml'),
    );
    expect(problemLines(parseKnowledge(files))).toEqual([
      'knowledge/bot.yaml:5  replies.welcome.chek  unknown key',
      'knowledge/packs/broken/flow.yaml:12  flow.steps[1].next  cycle restart → reset → restart never reaches a fix or escalation',
    ]);
  });

  it('checks references into the other kinds while one kind is broken', () => {
    const files = withFile(
      withFile(minimalFiles(), 'knowledge/smalltalk.yaml', brokenFixture('duplicate-key.yaml')),
      'knowledge/packs/broken/flow.yaml',
      brokenFixture('next-missing-step.yaml'),
    );
    expect(problemLines(parseKnowledge(files))).toEqual([
      'knowledge/smalltalk.yaml:6  intents.greeting  duplicate key',
      'knowledge/packs/broken/flow.yaml:9  flow.steps[0].next  unknown step "update_ios"; expected a step id of this flow or "escalate"',
    ]);
  });

  it.each([
    ['knowledge/bot.yaml', 'knowledge/bot.yaml:1  replies  missing file: bot.yaml with the shared replies'],
    ['knowledge/escalation.yaml', 'knowledge/escalation.yaml:1  contacts  missing file: escalation.yaml with the support contacts'],
  ])('reports a missing %s', (path, line) => {
    expect(problemLines(parseKnowledge(minimalFiles().filter((f) => f.path !== path)))).toEqual([line]);
  });

  it('requires a default contact', () => {
    const files = withFile(minimalFiles(), 'knowledge/escalation.yaml', 'contacts:\n  - { region: GB, name: "UK" }\n');
    expect(problemLines(parseKnowledge(files))).toEqual([
      'knowledge/escalation.yaml:1  contacts  no contact with region `default`; exactly one is required',
    ]);
  });

  it.each([
    ['knowledge/packs/other/bot.yaml', 'replies:\n  welcome:\n    text: "Again"\n', 'knowledge/packs/other/bot.yaml:2  replies.welcome  duplicate reply id (first at knowledge/bot.yaml:4)'],
    ['knowledge/packs/other/entities.yaml', 'entities:\n  ios_version:\n    patterns: ["x"]\n', 'knowledge/packs/other/entities.yaml:2  entities.ios_version  duplicate entity (first at knowledge/entities.yaml:8)'],
    ['knowledge/packs/other/flow.yaml', 'flow:\n  id: demo-flow\n  title: T\n  steps: [{ id: s, title: T, say: x }]\n', 'knowledge/packs/other/flow.yaml:2  flow.id  duplicate flow id (first at knowledge/packs/demo/flow.yaml:3)'],
    ['knowledge/packs/other/escalation.yaml', 'contacts:\n  - { region: GB, name: "UK" }\n', 'knowledge/packs/other/escalation.yaml:2  contacts[0].region  duplicate region "GB" (first at knowledge/escalation.yaml:7)'],
    ['knowledge/packs/other/helpdesk.yaml', 'helpdesk:\n  timezone: UTC\n  hours: {}\n', 'knowledge/packs/other/helpdesk.yaml:1  helpdesk  a second help-desk file (first at knowledge/helpdesk.yaml); only one is allowed'],
    ['knowledge/packs/other/flow.yaml', 'flow:\n  id: other\n  title: T\n  steps: [{ id: escalate, title: T, say: x }]\n', 'knowledge/packs/other/flow.yaml:4  flow.steps[0].id  "escalate" is reserved for `next`; rename the step'],
    ['knowledge/packs/other/intents.yaml', 'intents:\n  again:\n    label: A\n    examples: ["Hi there!", "again"]\n', 'knowledge/packs/other/intents.yaml:4  intents.again.examples[0]  example also under intent "greeting" (knowledge/smalltalk.yaml:7)'],
  ])('reports a clash when %s is added', (path, text, line) => {
    const lines = problemLines(parseKnowledge(withFile(minimalFiles(), path, text)));
    expect(lines[0]).toBe(line);
  });

  it('never throws, whatever the text of any kind of file', () => {
    const names = ['bot.yaml', 'smalltalk.yaml', 'packs/p/flow.yaml', 'entities.yaml', 'escalation.yaml', 'helpdesk.yaml', 'x.yaml'];
    const yamlish = fc.stringMatching(/^[a-z_:\-\[\]{}"'#&*!|>, \n0-9]{0,80}$/);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.oneof(fc.string(), yamlish), (name, text) => {
        // Alone, not in the minimal set: the property is about odd text, and each run stays cheap.
        const result = parseKnowledge([{ path: `knowledge/${name}`, text }]);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('loadKnowledge', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the fixture directory with paths relative to its parent', () => {
    const result = loadKnowledge(MINIMAL_DIR);
    expect(result.ok && result.files[0]).toBe('minimal/bot.yaml');
  });

  it('reports a directory that does not exist, once', () => {
    const result = loadKnowledge(join(dir, 'nope'));
    expect(problemLines(result)).toEqual(['nope:1  (root)  cannot read the knowledge directory (ENOENT)']);
  });

  it('reports .yml files and ignores other files', () => {
    const root = join(dir, 'kb');
    mkdirSync(join(root, 'packs'), { recursive: true });
    for (const file of minimalFiles()) {
      const target = join(root, file.path.replace(/^knowledge\//, ''));
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, file.text);
    }
    writeFileSync(join(root, 'packs', 'flow.yml'), 'flow: {}\n');
    writeFileSync(join(root, 'README.md'), '# notes\n');
    expect(problemLines(loadKnowledge(root))).toEqual(['kb/packs/flow.yml:1  (root)  knowledge files end in .yaml; rename it']);
  });
});
