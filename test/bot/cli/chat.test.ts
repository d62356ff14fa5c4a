// `npm run chat`'s loop: welcome, numbered choices, a typed number presses the choice, /restart, /quit.
import { Readable } from 'node:stream';
import { localeFromEnv, runChat } from '../../../bot/cli/chat';
import { createSilentLogger } from '../../../bot/logger';
import { createMemoryStore } from '../../../bot/storage';
import { createFakeBrain } from '../../support/fake-engine';

async function chat(lines: string[]) {
  const brain = createFakeBrain();
  let out = '';
  await runChat({ brain, store: createMemoryStore(), logger: createSilentLogger(), input: Readable.from(lines.map((l) => `${l}\n`)), write: (t) => (out += t) });
  return { out, inputs: brain.engine.inputs };
}

describe('runChat', () => {
  it('welcomes, shows choices numbered and presses the one whose number is typed', async () => {
    const { out, inputs } = await chat(['start', '1', '/quit', 'never read']);
    expect(out).toContain('bot> welcome');
    expect(out).toContain('  1) Yes\n       2) No\n       3) Already tried');
    expect(out).toContain('bot> fixed');
    expect(inputs.map((i) => i.kind)).toEqual(['conversation_start', 'message', 'message']);
    expect(inputs[2].action).toEqual({ value: 'yes', stepId: 'restart' });
  });

  it('starts a new conversation on /restart and ends with the input', async () => {
    const { inputs } = await chat(['hello', '/restart', 'count']);
    expect(inputs.map((i) => i.kind)).toEqual(['conversation_start', 'message', 'conversation_start', 'message']);
    expect(inputs[3].text).toBe('count');
  });

  it.each([
    [{ LANG: 'en_GB.UTF-8' }, 'en-GB'],
    [{ LC_ALL: 'fr_FR', LANG: 'en_US.UTF-8' }, 'fr-FR'],
    [{ LANG: 'C.UTF-8' }, undefined],
  ])('reads the locale from %j', (env, locale) => {
    expect(localeFromEnv(env)).toBe(locale);
  });
});
