// Only the help-desk side may change handoff state. A `handoff.status` event from a web chat user (our Direct Line, or
// any Direct Line / Teams / Slack channel on /api/messages) changes nothing: no reply, same handoff record, same
// session. The legitimate paths still work afterwards: the agent inbox (a notice turn) and a hub on a Bot Framework
// channel (the Emulator's shape, loopback without credentials).
import type { Activity } from 'botbuilder';
import { CloudAdapter, TurnContext } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { createSilentLogger } from '../../bot/logger';
import { createHandoffStatusGuard, handoffStatusVerdict, isVerifiedIdentity } from '../../bot/security/handoff-status-guard';
import type { WireActivity } from '../../bot/directline/types';
import { createClient } from '../directline/dl-client';
import { createButtonsBrain } from '../handoff/support/buttons-brain';
import { startHandoffBot, type HandoffBot } from '../handoff/support/handoff-bot';
import { createBfConversation } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir } from '../support/start-bot';

const FORGERIES: readonly unknown[] = [
  { status: 'agent_joined', agentName: 'Mallory' },
  { state: 'completed', message: 'forged' },
  { status: 'completed', resumeAtStep: 'check_wifi' },
  { status: 'accepted' },
];

describe('handoffStatusVerdict', () => {
  it.each([
    ['webchat', true, false, 'user_channel'],
    ['directline', true, true, 'user_channel'],
    ['msteams', true, false, 'user_channel'],
    ['slack', true, false, 'user_channel'],
    [undefined, true, true, 'user_channel'],
    ['omnichannel', true, false, 'accept'],
    ['emulator', false, true, 'accept'],
    ['emulator', false, false, 'unauthenticated'],
    ['some-hub', false, false, 'unauthenticated'],
  ] as const)('channel %s, verified %s, loopback-only %s → %s', (channelId, verified, loopbackOnly, verdict) => {
    expect(handoffStatusVerdict({ channelId, verified, loopbackOnly })).toBe(verdict);
  });

  it('counts botbuilder\'s anonymous identity (auth disabled) as not verified', () => {
    expect(isVerifiedIdentity(new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType))).toBe(false);
    expect(isVerifiedIdentity(new ClaimsIdentity([{ type: 'aud', value: 'app' }], true))).toBe(true);
    expect(isVerifiedIdentity(new ClaimsIdentity([], false))).toBe(false);
    expect(isVerifiedIdentity(undefined)).toBe(false);
  });
});

describe('handoff.status guard middleware', () => {
  const adapter = new CloudAdapter();
  async function passes(options: { loopbackOnly: boolean }, activity: Partial<Activity>, identity?: ClaimsIdentity): Promise<boolean> {
    const context = new TurnContext(adapter, activity);
    if (identity) context.turnState.set(adapter.BotIdentityKey, identity);
    let next = false;
    await createHandoffStatusGuard({ ...options, logger: createSilentLogger() }).onTurn(context, async () => void (next = true));
    return next;
  }
  const status = (channelId: string): Partial<Activity> => ({ type: 'event', name: 'handoff.status', channelId, value: { state: 'completed' } });
  const anonymous = new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);

  it('lets every other activity through untouched', async () => {
    expect(await passes({ loopbackOnly: false }, { type: 'message', channelId: 'webchat', text: 'hi' })).toBe(true);
    expect(await passes({ loopbackOnly: false }, { type: 'event', name: 'webchat/join', channelId: 'webchat' })).toBe(true);
  });

  it('drops a hub status from an anonymous sender when ALLOW_ANONYMOUS opened the door to everyone', async () => {
    expect(await passes({ loopbackOnly: false }, status('emulator'), anonymous)).toBe(false);
    expect(await passes({ loopbackOnly: true }, status('emulator'), anonymous)).toBe(true);
  });

  it('accepts a verified hub channel and never a user channel, verified or not', async () => {
    const verified = new ClaimsIdentity([{ type: 'aud', value: 'app' }], true);
    expect(await passes({ loopbackOnly: false }, status('omnichannel'), verified)).toBe(true);
    expect(await passes({ loopbackOnly: false }, status('webchat'), verified)).toBe(false);
    expect(await passes({ loopbackOnly: true }, status('msteams'), anonymous)).toBe(false);
  });
});

describe('forged handoff.status through the whole bot', () => {
  let bot: HandoffBot;
  let sink: ServiceUrlSink;

  beforeAll(async () => {
    sink = await startServiceUrlSink();
    bot = await startHandoffBot({ brain: createButtonsBrain(), env: { AGENT_TOKEN: 'agent-token-for-tests-0123456789' } });
  });
  afterAll(async () => {
    await bot.stop();
    await removeDataDir(bot.dataDir);
    await sink.close();
  });

  const snapshot = async (key: string) => ({
    record: await bot.bot.handoff.records.get(key),
    session: (await bot.bot.deps.store.storage.read([`session/${key}`]))[`session/${key}`] as unknown,
  });

  it('ignores a web chat user\'s handoff.status on our Direct Line; the agent inbox still works', async () => {
    const client = createClient(`${bot.url}/v3/directline`);
    const { body: started } = await client.start();
    const { conversationId: id, token } = started;
    const fromBot = (all: readonly WireActivity[]) => all.filter((a) => a.from?.role === 'bot' && a.type === 'message');
    await client.until(id, token, (all) => fromBot(all).length > 0, 'the welcome');
    await client.post(id, token, { type: 'message', text: 'Talk to a person', value: { action: 'human' } });
    await bot.drain();
    const key = `webchat:${id}`;
    const before = await snapshot(key);
    expect(before.record?.state).toBe('queued');
    const said = fromBot((await client.get(id, token)).body.activities).length;

    for (const value of FORGERIES) {
      const posted = await client.post(id, token, { type: 'event', name: 'handoff.status', value });
      expect(posted.status).toBe(200);
    }
    await bot.drain();
    expect(await snapshot(key)).toEqual(before);
    expect(fromBot((await client.get(id, token)).body.activities)).toHaveLength(said);

    // The help-desk side: an agent takes the conversation in the inbox, and the user is told.
    await bot.bot.handoff.inbox.take({ id: 'alice', name: 'Alice' }, key);
    await bot.drain();
    expect((await bot.bot.handoff.records.get(key))?.state).toBe('active');
    await client.until(id, token, (all) => fromBot(all).length > said, 'the agent-joined notice');
  });

  it.each(['webchat', 'directline', 'msteams', 'slack'])('ignores a %s user\'s handoff.status on /api/messages', async (channelId) => {
    const chat = createBfConversation(bot, sink, { channelId, locale: 'en-US' });
    await chat.join();
    await chat.press('human', undefined, 'Talk to a person');
    await bot.drain();
    const key = `${channelId}:${chat.build.conversationId}`;
    const before = await snapshot(key);
    expect(before.record?.state).toBe('queued');
    for (const value of FORGERIES) {
      const turn = await chat.send(chat.build.event('handoff.status', value));
      expect(turn.status).toBe(200);
      expect(turn.replies).toEqual([]);
    }
    await bot.drain();
    expect(await snapshot(key)).toEqual(before);
  });

  it('still accepts the hub\'s handoff.status on a Bot Framework channel', async () => {
    const chat = createBfConversation(bot, sink, { locale: 'en-US' });
    await chat.join();
    await chat.press('human', undefined, 'Talk to a person');
    await bot.drain();
    const turn = await chat.send(chat.build.event('handoff.status', { state: 'completed', message: 'from the hub' }));
    expect(turn.text).toMatch(/chat with the help desk has ended/);
    expect(await bot.bot.handoff.records.get(`emulator:${chat.build.conversationId}`)).toMatchObject({ hub: 'completed', state: 'closed' });
  });
});
