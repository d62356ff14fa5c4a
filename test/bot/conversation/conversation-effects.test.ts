// The ConversationService after the turn: transcript, handoff packets, agent relay, unrecognized log, metrics,
// and a storage outage.
import { readTranscript } from '../../../bot/conversation/transcript';
import { KEY, request, resetClock, setup } from './service-setup';

describe('createConversationService effects', () => {
  beforeEach(resetClock);
  it('writes user and bot lines to the transcript, button presses as their value', async () => {
    const { service, store } = setup();
    await service.handle(request({ text: 'start' }));
    await service.handle(request({ text: '', action: { value: 'no' } }));
    const lines = await readTranscript(store.logs, KEY);
    expect(lines.map((l) => `${l.from}: ${l.text}`)).toEqual([
      'user: start', 'bot: Restart\nRestart your phone.', 'bot: Did that fix it? [Yes | No | Already tried]', 'user: [no]', 'bot: echo: no',
    ]);
  });

  it('opens a handoff with the whole story and the transcript, once per turn', async () => {
    const { service, desk } = setup();
    await service.handle(request({ text: 'start', locale: 'en-US' }));
    await service.handle(request({ text: 'human', locale: 'en-US' }));
    expect(desk.opened).toHaveLength(1);
    const { packet, address } = desk.opened[0];
    expect(address.conversationKey).toBe(KEY);
    expect(packet).toMatchObject({ id: `handoff:${KEY}:2`, conversation: KEY, channel: 'emulator', locale: 'en-US', reason: 'user_asked', user: { id: 'u1' }, summary: ['Restart: not fixed'] });
    expect(packet.transcript.map((l) => l.text)).toContain('human');
  });

  it('opens a handoff once: the next turn does not open it again when this process already did', async () => {
    const { service, desk } = setup();
    const open = jest.spyOn(desk, 'open');
    await service.handle(request({ text: 'start' }));
    await service.handle(request({ text: 'human' }));
    await service.handle(request({ text: 'count' }));
    await service.handle(request({ text: 'count' }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('cancels the handoff when the user goes back to the bot while waiting, and only then', async () => {
    const { service, desk } = setup();
    await service.handle(request({ text: 'start over' }));
    expect(desk.cancelled).toEqual([]);
    await service.handle(request({ text: 'human' }));
    await service.handle(request({ text: 'start over' }));
    expect(desk.cancelled).toEqual([KEY]);
  });

  it('relays user messages to the agent who has the conversation, with no bot reply', async () => {
    const { service, desk, engine } = setup();
    await service.handle(request({ text: 'start' }));
    await service.handle(request({ text: 'human' })); // an agent can only take a conversation that was handed off
    desk.withAgent.add(KEY);
    const outcome = await service.handle(request({ text: 'are you there?' }, 'm2'));
    const replay = await service.handle(request({ text: 'are you there?' }, 'm2'));
    expect(outcome).toMatchObject({ replies: [], handledBy: 'agent' });
    expect(replay.handledBy).toBe('duplicate');
    expect(desk.relayed).toEqual([{ conversationKey: KEY, entry: expect.objectContaining({ from: 'user', text: 'are you there?' }) }]);
    expect(engine.inputs).toHaveLength(2);
    const status = await service.handle(request({ kind: 'handoff_status', handoffStatus: 'agent_joined' }));
    expect(status.replies[0].text).toBe('handoff agent_joined');
  });

  it('asks the desk about an agent only in conversations that had a handoff (or that it cannot tell)', async () => {
    const { service, desk, store } = setup();
    const asked: string[] = [];
    const isWithAgent = desk.isWithAgent.bind(desk);
    desk.isWithAgent = async (key) => (asked.push(key), isWithAgent(key));
    await service.handle(request({ text: 'start' }, 'a1'));
    await service.handle(request({ text: 'no' }, 'a2'));
    expect(asked).toHaveLength(1); // the first turn of a conversation new to the store
    await service.handle(request({ text: 'human' }, 'a3'));
    await service.handle(request({ text: 'still there?' }, 'a4'));
    expect(asked).toHaveLength(2); // after the handoff, every message
    // A record stored before the mark existed: the desk is asked, as it always was.
    await store.storage.write({ 'session/emulator:old': { recentActivityIds: [] } });
    await service.handle({ ...request({ text: 'hi' }, 'b1'), address: { channel: 'emulator', conversationKey: 'emulator:old', reference: {} } });
    expect(asked).toEqual([KEY, KEY, 'emulator:old']);
  });

  it('logs unrecognized messages and counts turns, intents and fallbacks', async () => {
    const { service, unrecognized, metrics } = setup();
    await service.handle(request({ text: '??' }));
    expect(unrecognized).toEqual([expect.objectContaining({ text: '??', conversation: KEY, channel: 'emulator' })]);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/bot_turns_total\{channel="emulator",handled_by="bot"\} 1/);
    expect(text).toMatch(/bot_fallbacks_total\{channel="emulator"\} 1/);
  });

  it('fails the turn when storage is down, counting the error, and carries on once it is back', async () => {
    const { service, store, metrics } = setup();
    store.simulateOutage(true);
    await expect(service.handle(request({ text: 'hello' }))).rejects.toThrow(/unavailable/i);
    expect(await metrics.registry.metrics()).toMatch(/bot_storage_errors_total\{operation="session.read"\} 1/);
    store.simulateOutage(false);
    expect((await service.handle(request({ text: 'hello' }))).replies[0].text).toBe('echo: hello');
  });
});
