// Web chat through the whole edge (createBot: adapter, turn handler, ConversationService, Web Chat renderer) with
// the scripted fake engine: what a card button sends is what activity-to-input reads.
import { createFakeBrain, type FakeEngine } from '../support/fake-engine';
import { startBot, removeDataDir, type RunningBot } from '../support/start-bot';
import { createClient } from './dl-client';

let bot: RunningBot;
let engine: FakeEngine;
let client: ReturnType<typeof createClient>;
beforeAll(async () => {
  const brain = createFakeBrain();
  engine = brain.engine;
  bot = await startBot({ brain });
  client = createClient(`${bot.url}/v3/directline`);
});
afterAll(async () => {
  await bot.stop();
  await removeDataDir(bot.dataDir);
});

type Card = { body: { text?: string }[]; actions: { title: string; data: { action: string; stepId?: string } }[] };

describe('web chat through the edge pipeline', () => {
  it('welcomes, shows a step as a card whose buttons drive the engine, and keeps the transcript', async () => {
    const token = (await bot.request('/webchat/token', { method: 'POST' })).json as { token: string; conversationId: string };
    const { body: conv } = await client.start(token.token);
    const [welcome] = await client.until(conv.conversationId, conv.token, (l) => l.length > 0, 'the welcome');
    expect(welcome).toMatchObject({ text: 'welcome', suggestedActions: { actions: [{ type: 'messageBack', title: 'Yes', value: { action: 'yes' } }, { title: 'No' }] } });

    const started = await client.post(conv.conversationId, conv.token, { type: 'message', text: 'start', locale: 'en-GB' });
    const afterStart = await client.until(conv.conversationId, conv.token, (l) => l.some((a) => a.replyToId === started.body.id), 'the step card');
    const card = afterStart.find((a) => a.replyToId === started.body.id);
    const content = (card?.attachments as { content: Card }[])[0].content;
    expect(content.body.map((b) => b.text)).toEqual(['Restart', 'Restart your phone.', 'Did that fix it?']);
    const yes = content.actions.find((a) => a.title === 'Yes');
    expect(yes?.data).toMatchObject({ action: 'yes', stepId: 'restart' });

    // What Web Chat posts for that button: the embedded messageBack (text = label, value = { action, stepId }).
    const cardAction = (yes?.data as unknown as { cardAction: { text: string; value: unknown } }).cardAction;
    await client.post(conv.conversationId, conv.token, { type: 'message', text: cardAction.text, value: cardAction.value });
    await client.until(conv.conversationId, conv.token, (l) => l.some((a) => a.text === 'fixed'), 'the fixed reply');
    expect(engine.inputs.at(-1)).toMatchObject({ kind: 'message', action: { value: 'yes', stepId: 'restart' } });
    expect(engine.inputs.find((i) => i.text === 'start')?.locale).toBe('en-GB');

    const transcript = await bot.bot.deps.store.logs.read(`transcript/webchat:${conv.conversationId}`, 0);
    expect(transcript.length).toBeGreaterThanOrEqual(4);
  });
});
