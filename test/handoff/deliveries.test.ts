// Which Delivery reaches a conversation: Slack threads through Slack's Web API, web chat through our Direct Line,
// everything else (Teams, Emulator, Slack via Azure) through the Bot Framework adapter.
import type { Reply } from '../../dialogs';
import { createDeliveries } from '../../bot/handoff/deliveries';
import { isPermanent } from '../../bot/outbox';
import type { ConversationAddress, Delivery } from '../../bot/ports';

function recording(name: string, channels: string[], log: string[]): Delivery {
  return { channels, send: async (address: ConversationAddress, replies: readonly Reply[]) => void log.push(`${name} ${address.conversationKey} ${replies.length}`) };
}

describe('deliveries', () => {
  const log: string[] = [];
  const deliveries = createDeliveries({
    slack: recording('slack', ['slack'], log),
    directLine: recording('directline', ['webchat', 'directline'], log),
    botFramework: recording('bf', ['*'], log),
  });
  const hi: Reply[] = [{ kind: 'text', text: 'hi' }];

  it.each([
    [{ channel: 'slack', conversationKey: 'slack:T:C:1', reference: { team: 'T', channel: 'C', thread_ts: '1' } }, 'slack slack:T:C:1 1'],
    [{ channel: 'slack', conversationKey: 'slack:azure', reference: { serviceUrl: 'https://slack.botframework.com/', conversation: { id: 'x' } } }, 'bf slack:azure 1'],
    [{ channel: 'webchat', conversationKey: 'webchat:dl_1', reference: { conversation: { id: 'dl_1' } } }, 'directline webchat:dl_1 1'],
    [{ channel: 'msteams', conversationKey: 'msteams:a', reference: { serviceUrl: 'https://smba/', conversation: { id: 'a' } } }, 'bf msteams:a 1'],
  ])('sends %j through %s', async (address, expected) => {
    await deliveries.send(address as ConversationAddress, hi);
    expect(log.at(-1)).toBe(expected);
  });

  it('fails permanently for a Slack thread when Slack is not configured', async () => {
    const noSlack = createDeliveries({ botFramework: recording('bf', ['*'], []) });
    await expect(noSlack.send({ channel: 'slack', conversationKey: 'slack:T:C:1', reference: { team: 'T', channel: 'C', thread_ts: '1' } }, hi).catch(isPermanent)).resolves.toBe(true);
  });
});
