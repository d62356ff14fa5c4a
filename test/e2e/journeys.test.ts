// Whole conversations with the real knowledge, NLU and engine, through express + CloudAdapter + a service URL sink:
// every fix fails → escalation; fixed at step 2; bad input; a restart mid-conversation resumes where it was.
import type { Activity } from 'botbuilder';
import { loadBrain, type Brain } from '../../bot/brain';
import { createSilentLogger } from '../../bot/logger';
import { createBfConversation, type BfConversation, type Turn } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { asksDiagnosis, NOT_SURE, NOT_SURE_LABEL } from '../support/diagnosis';

let sink: ServiceUrlSink;
let brain: Brain;
let bot: RunningBot;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  brain = loadBrain({ knowledgeDir: 'knowledge', logger: createSilentLogger() });
  bot = await startBot({ brain });
}, 120_000); // training the NLU takes seconds, more on a busy machine
afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
  await sink.close();
});

/** The step the bot's last "did that fix it?" buttons belong to, read the way a channel client would. */
function askedStep(turn: Turn): string | undefined {
  const buttons = turn.replies.flatMap((r: Partial<Activity>) => r.suggestedActions?.actions ?? []);
  return buttons.map((b) => (b.value as { stepId?: string } | undefined)?.stepId).find(Boolean);
}

/** Runs a step of the test, adding the whole transcript to the failure message. */
async function step<T>(chat: BfConversation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    (err as Error).message += `\n\nTranscript:\n${chat.transcript()}`;
    throw err;
  }
}

/**
 * The main path for someone not sure of the cause: the steps up to the first `next: escalate`, without the ones only
 * for a known fact (the computer branch).
 */
const stepIds = (): string[] => {
  const steps = brain.knowledge.flows[0].steps;
  const end = steps.findIndex((s) => s.next === 'escalate');
  return steps.slice(0, end < 0 ? steps.length : end + 1).filter((s) => s.only === undefined).map((s) => s.id);
};

/** The first complaint gets the flow's diagnostic question: "I'm not sure" keeps the usual order. */
async function notSure(chat: BfConversation, turn: Turn): Promise<Turn> {
  expect(asksDiagnosis(turn.replies)).toBe(true);
  return chat.press(NOT_SURE, undefined, NOT_SURE_LABEL);
}

describe('troubleshooting journeys over /api/messages', () => {
  it('escalates to Apple Support with contact info and a summary when every fix fails', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-US' });
    await step(chat, async () => {
      expect((await chat.join()).text).toMatch(/backup/i);
      let turn = await notSure(chat, await chat.say('my iphone backup failed'));
      const seen: string[] = [];
      for (let i = 0; i < 20 && askedStep(turn); i += 1) {
        const stepId = askedStep(turn) as string;
        seen.push(stepId);
        turn = await chat.press('no', stepId, 'No');
      }
      expect(seen).toEqual(stepIds());
      expect(turn.text).toMatch(/1-800-275-2273/);
      expect(turn.text).toMatch(/support\.apple\.com/);
      expect(turn.text).toMatch(/what we tried/i);
    });
  });

  it('stops at the fix that worked, with no escalation', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-US' });
    await step(chat, async () => {
      let turn = await notSure(chat, await chat.press('intent:backup_failed', undefined, 'My backup failed'));
      turn = await chat.press('no', askedStep(turn), 'No');
      const second = askedStep(turn);
      expect(second).toBe(stepIds()[1]);
      turn = await chat.say('yes that fixed it!');
      expect(turn.text).not.toMatch(/1-800/);
      expect(askedStep(turn)).toBeUndefined();
      expect(turn.replies.length).toBeGreaterThan(0);
    });
  });

  it.each([
    ['empty text', { text: '' }],
    ['emoji only', { text: '🙂🙂🙂' }],
    ['10,000 characters', { text: 'my backup keeps failing and I do not know why '.repeat(220).slice(0, 10000) }],
    ['an attachment without text', { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/s.png' }] }],
  ])('answers %s sensibly', async (_name, extra) => {
    const chat = createBfConversation(bot, sink);
    const turn = await step(chat, () => chat.send(chat.build.message('', extra)));
    expect(turn.status).toBe(200);
    expect(turn.text.length).toBeGreaterThan(0);
    expect(turn.text).not.toMatch(/something went wrong/i);
  });

  it('resumes where it was after a bot restart on the same DATA_DIR', async () => {
    const first = await startBot({ brain });
    const chat = createBfConversation(first, sink, { locale: 'en-US' });
    const second = await step(chat, async () => {
      let turn = await notSure(chat, await chat.press('intent:backup_failed', undefined, 'My backup failed'));
      turn = await chat.press('no', askedStep(turn), 'No');
      expect(askedStep(turn)).toBe(stepIds()[1]);
      await first.stop();
      const restarted = await startBot({ brain, dataDir: first.dataDir });
      chat.useBot(restarted);
      turn = await chat.say('no, still failing');
      expect(askedStep(turn)).toBe(stepIds()[2]);
      return restarted;
    });
    await second.stop();
    await removeDataDir(first.dataDir);
  });
});
