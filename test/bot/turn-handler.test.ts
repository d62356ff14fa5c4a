// The bot logic through botbuilder's TestAdapter: welcome, rendered replies with buttons, ignored activities, apology.
import { TestAdapter } from 'botbuilder';
import { createConversationService } from '../../bot/conversation';
import { createSilentLogger } from '../../bot/logger';
import { createMetrics } from '../../bot/metrics';
import { createChannelRenderers } from '../../bot/renderers/select';
import { createMemoryStore } from '../../bot/storage';
import { createTurnHandler, errorReply } from '../../bot/turn-handler';
import { createFakeEngine } from '../support/fake-engine';

const knowledge = { replies: { error: { text: ['Sorry, trouble on our side. Try again, or say "human".'], choices: [{ label: 'Talk to a person', value: 'human' }] } } };

function setup() {
  const store = createMemoryStore();
  const metrics = createMetrics();
  const conversations = createConversationService({ engine: createFakeEngine(), store });
  const logic = createTurnHandler({ conversations, renderers: createChannelRenderers(), knowledge, logger: createSilentLogger(), metrics });
  const adapter = new TestAdapter(logic);
  return { adapter, store, metrics };
}

describe('createTurnHandler', () => {
  it('answers a message with the rendered replies in one message, buttons and their numbered twin', async () => {
    const { adapter } = setup();
    await adapter
      .send('start')
      .assertReply((a) => {
        expect(a.text).toBe('**Restart**\n\nRestart your phone.\n\nDid that fix it?\n\n1. Yes\n2. No\n3. Already tried');
        expect(a.suggestedActions?.actions.map((b) => b.value)).toEqual([
          { action: 'yes', stepId: 'restart' }, { action: 'no', stepId: 'restart' }, { action: 'tried', stepId: 'restart' },
        ]);
      });
  });

  it('reads a button press from the activity value', async () => {
    const { adapter } = setup();
    await adapter.send('start').assertReply(() => undefined)
      .send({ type: 'message', text: 'Yes', value: { action: 'yes', stepId: 'restart' } })
      .assertReply('fixed');
  });

  it('welcomes a person who joins, once', async () => {
    const { adapter } = setup();
    const joined = { type: 'conversationUpdate', membersAdded: [{ id: 'user1', name: 'User' }], recipient: { id: 'bot', name: 'Bot' } };
    await adapter.send(joined).assertReply((a) => expect(a.text).toMatch(/^welcome/));
    await adapter.send(joined).send('hi').assertReply('echo: hi');
  });

  it('ignores typing, reactions and unknown activity types without a word', async () => {
    const { adapter } = setup();
    await adapter.send({ type: 'typing' }).send({ type: 'messageReaction' }).send({ type: 'weird' }).send('hi').assertReply('echo: hi');
  });

  it('apologises with the knowledge error reply when the turn fails', async () => {
    const { adapter, metrics } = setup();
    await adapter.send('boom').assertReply((a) => {
      expect(a.text).toBe('Sorry, trouble on our side. Try again, or say "human".\n\n1. Talk to a person');
      expect(a.suggestedActions?.actions).toHaveLength(1);
    });
    expect(await metrics.registry.metrics()).toMatch(/bot_turn_errors_total\{channel="test"\} 1/);
  });

  it('falls back to the last-resort apology when knowledge has no error reply', () => {
    expect(errorReply({ replies: {} }).text).toMatch(/sorry/i);
  });
});
