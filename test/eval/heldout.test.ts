// The held-out evaluation on a scripted understander, so every count is known by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Classification, Understander } from '../../dialogs';
import { evaluateHeldout, formatHeldoutReport, intentDestination, readHeldout } from '../../bot/nlu/eval/heldout';
import { tinyKnowledge } from '../nlu/tiny-knowledge';

const knowledge = tinyKnowledge();

/** Answers from a table: text → decided intent; "ask:a/b" plays a "Did you mean …?". */
function scripted(table: Record<string, string>): Understander {
  return {
    classify(text: string): Classification {
      const said = table[text] ?? 'unknown';
      if (said.startsWith('ask:')) {
        const [a = '', b = ''] = said.slice(4).split('/');
        return { intent: 'unknown', confidence: 0.5, ranking: [], entities: {}, ambiguous: [{ intent: a, confidence: 0.5 }, { intent: b, confidence: 0.45 }] };
      }
      return { intent: said, confidence: 0.9, ranking: [], entities: {} };
    },
  };
}

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'heldout-')), 'messages.yaml');
  writeFileSync(path, content);
  return path;
}

describe('held-out evaluation', () => {
  const messages = readHeldout(
    file('in_scope:\n  storage_full: ["icloud full", "no room", "out of space"]\n  greeting: ["hiya"]\nout_of_scope: ["weather", "joke"]\n'),
    knowledge,
  );
  const understander = scripted({
    'icloud full': 'storage_full',
    'no room': 'wifi_problem',
    'out of space': 'ask:storage_full/wifi_problem',
    hiya: 'greeting',
    weather: 'unknown',
    joke: 'greeting',
  });
  const report = evaluateHeldout(understander, messages, knowledge);

  it('counts right, wrong and not understood by hand', () => {
    expect(report).toMatchObject({ inScope: 4, outOfScope: 2, right: 2, wrong: 1, notUnderstood: 1, offTopicKeptOut: 1 });
  });

  it('counts apart the messages that are also training examples ("hiya"), and scores the rest on their own', () => {
    expect(report.alsoTrainingExamples).toBe(1);
    expect(report.unseen).toEqual({ inScope: 3, outOfScope: 2, right: 1, wrong: 1, notUnderstood: 1, offTopicKeptOut: 1 });
    expect(formatHeldoutReport(report, 'm.yaml', 10)).toMatch(/1 of these are also written as training examples; on the other 3 in scope \/ 2 off-topic:\n {2}right 33\.3% {3}wrong 33\.3%/);
  });

  it('scores intents like the pack eval: storage recall 1/3; greeting precision 1/2 (the joke)', () => {
    const by = Object.fromEntries(report.metrics.perLabel.map((s) => [s.label, s]));
    expect(by.storage_full?.recall).toBeCloseTo(1 / 3, 10);
    expect(by.greeting?.precision).toBeCloseTo(1 / 2, 10);
    expect(by.wifi_problem?.precision).toBe(0);
  });

  it('lists every miss with what the bot did, including a "Did you mean"', () => {
    expect(report.misses).toEqual([
      { text: 'no room', expected: 'storage_full', decided: 'wifi_problem' },
      { text: 'out of space', expected: 'storage_full', decided: 'did you mean: storage_full / wifi_problem' },
      { text: 'joke', expected: '__out_of_scope__', decided: 'greeting' },
    ]);
    expect(formatHeldoutReport(report, 'm.yaml', 10)).toMatch(/right intent: 50\.0% {3}wrong intent: 25\.0%/);
  });

  it('counts a sibling intent that leads to the same place apart (both start the same flow), the strict count unchanged', () => {
    expect(report.sameDestination).toBe(0);
    const flow = { id: 'f', title: 'F', triggers: ['storage_full', 'wifi_problem'], steps: [] };
    const siblings = evaluateHeldout(understander, messages, { ...knowledge, flows: [flow] } as unknown as typeof knowledge);
    expect(siblings).toMatchObject({ right: 2, wrong: 1, sameDestination: 1 });
    expect(intentDestination(knowledge, 'greeting')).toBe('intent:greeting');
  });

  it('refuses a file naming an intent the knowledge lacks', () => {
    expect(() => readHeldout(file('in_scope:\n  reboot: ["turn it off"]\nout_of_scope: []\n'), knowledge)).toThrow(/intents not in the knowledge: reboot/);
  });
});
