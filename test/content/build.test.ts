// build: the typed, frozen Knowledge the engine sees: defaults filled in, sources kept, a hash over the files.
import type { Knowledge } from '../../dialogs';
import { parseKnowledge } from '../../dialogs';
import { minimalFiles, withFile } from './helpers';

function load(files = minimalFiles()): Knowledge {
  const result = parseKnowledge(files);
  if (!result.ok) throw new Error(`fixture should load: ${JSON.stringify(result.problems)}`);
  return result.knowledge;
}

describe('buildKnowledge', () => {
  it('turns reply text into a list of variants', () => {
    const { replies } = load();
    expect(replies.welcome.text).toEqual(['Welcome.']);
    expect(replies.help.text).toEqual(['Help.', 'Help, again.']);
    expect(replies.did_it_fix.choices?.map((c) => c.value)).toEqual(['yes', 'no', 'tried']);
    expect(replies.greeting).not.toHaveProperty('choices');
  });

  it('keeps intents in reading order with their source', () => {
    const { intents, outOfScope } = load();
    expect(intents.map((i) => i.name)).toEqual(['greeting', 'thanks', 'human', 'demo_problem', 'storage_full']);
    expect(intents[0]).toEqual({ name: 'greeting', label: 'Say hello', examples: ['hello', 'hi there'], source: { file: 'knowledge/smalltalk.yaml', line: 3 } });
    expect(outOfScope).toEqual(["what's the weather tomorrow"]);
  });

  it('fills in flow defaults and trims block text', () => {
    const [flow] = load().flows;
    expect(flow).toMatchObject({ id: 'demo-flow', triggers: ['demo_problem'], source: { file: 'knowledge/packs/demo/flow.yaml', line: 2 } });
    expect(flow.steps[0]).toMatchObject({ id: 'first_fix', say: 'Delete an old backup.', when: { backup_target: ['icloud'] } });
    expect(flow.steps[0]).not.toHaveProperty('next');
    expect(flow.steps[1]).toEqual({ id: 'second_fix', title: 'Restart', say: 'Restart the phone.', links: [], intents: [], next: 'escalate' });
  });

  it('builds entities, contacts and help-desk hours', () => {
    const knowledge = load();
    expect(knowledge.entities.map((e) => e.name)).toEqual(['backup_target', 'ios_version']);
    expect(knowledge.contacts[0]).toEqual({ region: 'default', name: 'Apple Support', links: [{ title: 'Get support', url: 'https://getsupport.apple.com/' }] });
    expect(knowledge.contacts[1].links).toEqual([]);
    expect(knowledge.helpdesk).toEqual({ timezone: 'Europe/London', hours: { mon: ['09:00-17:30'], sat: [] }, holidays: [] });
  });

  it('is deeply frozen', () => {
    const knowledge = load();
    expect(Object.isFrozen(knowledge)).toBe(true);
    expect(Object.isFrozen(knowledge.flows[0].steps[0].links[0])).toBe(true);
    expect(Object.isFrozen(knowledge.replies.help.text)).toBe(true);
    expect(() => (knowledge.intents as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it('hashes paths and contents, not the order the files came in', () => {
    const files = minimalFiles();
    const { hash } = load(files);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(load([...files].reverse()).hash).toBe(hash);
    const bot = files.find((f) => f.path === 'knowledge/bot.yaml')!;
    expect(load(withFile(files, bot.path, `${bot.text}\n`)).hash).not.toBe(hash);
    const moved = files.map((f) => (f.path === 'knowledge/smalltalk.yaml' ? { ...f, path: 'knowledge/packs/demo/smalltalk.yaml' } : f));
    expect(load(moved).hash).not.toBe(hash);
  });

  it('keeps a reply named like an Object.prototype member', () => {
    const files = withFile(minimalFiles(), 'knowledge/packs/x/bot.yaml', 'replies:\n  constructor:\n    text: "Built."\n');
    expect(load(files).replies.constructor).toEqual({ text: ['Built.'] });
  });
});
