// Bad input through POST /api/messages with the real knowledge and engine: every malformed, mistyped, hostile or
// out-of-place activity gets a JSON 2xx/4xx (never a 5xx or an HTML stack trace) and, where a reply is due, one.
import type { Activity } from 'botbuilder';
import { createActivityBuilder, type ActivityBuilder } from '../support/activity-builders';
import { createBfConversation } from '../support/bf-conversation';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type HttpAnswer, type RunningBot } from '../support/start-bot';

let sink: ServiceUrlSink;
let bot: RunningBot;

beforeAll(async () => {
  sink = await startServiceUrlSink();
  bot = await startBot();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  if (bot) await removeDataDir(bot.dataDir);
  await sink?.close();
});

/** reply: 200 and at least one message with text · quiet: 200, nothing said · refused: a 4xx JSON error. */
type Expect = 'reply' | 'quiet' | 'refused';
type Body = Record<string, unknown> | string;

const junk = (b: ActivityBuilder, extra: Record<string, unknown>): Body => ({ ...b.message('hello'), ...extra });
const without = (b: ActivityBuilder, key: keyof Activity): Body => {
  const copy: Record<string, unknown> = { ...b.message('hello') };
  delete copy[key];
  return copy;
};
const binary = String.fromCharCode(...Array.from({ length: 200 }, (_, i) => (i * 37) % 256));

const CASES: readonly [string, (b: ActivityBuilder) => Body, Expect][] = [
  ['malformed JSON', () => '{"type": "message", "text": ', 'refused'],
  ['a JSON string', () => '"message"', 'refused'],
  ['JSON null', () => 'null', 'refused'],
  ['an empty object', () => ({}), 'refused'],
  ['type as a number', (b) => junk(b, { type: 42 }), 'refused'],
  ['channelId as an object', (b) => junk(b, { channelId: { x: 1 } }), 'refused'],
  ['conversation missing', (b) => without(b, 'conversation'), 'refused'],
  ['conversation as a string', (b) => junk(b, { conversation: 'c-1' }), 'refused'],
  ['conversation.id as a number', (b) => junk(b, { conversation: { id: 7 } }), 'refused'],
  ['serviceUrl as a number', (b) => junk(b, { serviceUrl: 12 }), 'refused'],
  ['serviceUrl javascript:', (b) => junk(b, { serviceUrl: 'javascript:alert(1)' }), 'refused'],
  ['text as a number', (b) => junk(b, { text: 12345 }), 'reply'],
  ['text as an object', (b) => junk(b, { text: { html: '<b>x</b>' } }), 'reply'],
  ['text as an array', (b) => junk(b, { text: ['a', 'b'] }), 'reply'],
  ['text null', (b) => junk(b, { text: null }), 'reply'],
  ['from missing', (b) => without(b, 'from'), 'reply'],
  ['from as a string', (b) => junk(b, { from: 'user-1' }), 'refused'],
  ['from.id as a number', (b) => junk(b, { from: { id: 5, name: ['x'] } }), 'refused'],
  ['recipient missing', (b) => without(b, 'recipient'), 'reply'],
  ['recipient as a number', (b) => junk(b, { recipient: 3 }), 'refused'],
  ['id as an object', (b) => junk(b, { id: { a: 1 } }), 'refused'],
  ['timestamp junk', (b) => junk(b, { timestamp: 'yesterday-ish', localTimestamp: 99 }), 'reply'],
  ['value as a string', (b) => junk(b, { text: '', value: 'help' }), 'reply'],
  ['value as an array', (b) => junk(b, { text: '', value: ['yes', 'no'] }), 'reply'],
  ['value as a number', (b) => junk(b, { text: '', value: 17 }), 'reply'],
  ['value with a nested action', (b) => junk(b, { text: '', value: { action: { deep: true }, stepId: ['x'] } }), 'reply'],
  ['channelData as a string', (b) => junk(b, { channelData: 'junk' }), 'reply'],
  ['channelData as nested junk', (b) => junk(b, { channelData: { tenant: 5, clientActivityID: [], postBack: 'x', legacy: { a: [null] } } }), 'reply'],
  ['locale as a number', (b) => junk(b, { locale: 1033 }), 'refused'],
  ['locale as nonsense', (b) => junk(b, { locale: 'xx_NOT-A-LOCALE-' + 'z'.repeat(200) }), 'reply'],
  ['attachments as a string', (b) => junk(b, { attachments: 'file.png' }), 'reply'],
  ['attachments as an object', (b) => junk(b, { attachments: { contentType: 'image/png' } }), 'reply'],
  ['attachments with junk items', (b) => junk(b, { attachments: [null, 3, 'x', { contentType: 7 }] }), 'reply'],
  ['entities as a string', (b) => junk(b, { entities: 'mention' }), 'reply'],
  ['entities with junk items', (b) => junk(b, { entities: [null, { type: 'mention', mentioned: 4 }] }), 'reply'],
  ['suggestedActions junk', (b) => junk(b, { suggestedActions: 'yes' }), 'reply'],
  ['membersAdded not an array', (b) => ({ ...b.joined(), membersAdded: 'everyone' }), 'quiet'],
  ['membersAdded with junk items', (b) => ({ ...b.joined(), membersAdded: [null, 4, { id: 'user-9' }] }), 'reply'],
  ['an event with junk value', (b) => b.event('handoff.status', 'accepted'), 'quiet'],
  ['an event without a name', (b) => ({ ...b.event('x'), name: 12 }), 'quiet'],
  ['unknown type', (b) => b.ofType('somethingNobodyKnows'), 'quiet'],
  ['invoke type', (b) => b.ofType('invoke', { name: 'adaptiveCard/action', value: { action: { data: 'x' } } } as Partial<Activity>), 'refused'],
  ['typing', (b) => b.ofType('typing'), 'quiet'],
  ['empty text', (b) => b.message(''), 'reply'],
  ['whitespace-only text', (b) => b.message(' \t\n\u00a0\u200b '), 'reply'],
  ['100 KB of text', (b) => b.message('my backup failed '.repeat(6100)), 'reply'],
  ['binary-looking text', (b) => b.message(binary), 'reply'],
  ['lone surrogates and NUL', (b) => b.message('\ud800\udfff\ud83d x\u0000y'), 'reply'],
  ['emoji', (b) => b.message('😭😭 backup 🔥🔥 failed 👩‍👩‍👧‍👦'), 'reply'],
  ['right-to-left text', (b) => b.message('النسخ الاحتياطي فشل \u202eevil\u202c'), 'reply'],
  ['combining characters', (b) => b.message('ba\u0301ck\u0302u\u0303p f\u0336a\u0336i\u0336l\u0336e\u0336d'.repeat(20)), 'reply'],
];

const isHtmlOrTrace = (a: HttpAnswer): boolean => /<html|<!doctype|<pre>|\n\s+at .+\(.*:\d+:\d+\)/i.test(a.text);

function checkAnswer(answer: HttpAnswer): void {
  expect(answer.status).toBeLessThan(500);
  expect(isHtmlOrTrace(answer)).toBe(false);
  if (answer.text) expect(answer.contentType).toMatch(/application\/json/);
}

describe('bad input on POST /api/messages', () => {
  it.each(CASES)('%s', async (_name, make, expected) => {
    const build = createActivityBuilder({ serviceUrl: sink.url });
    const body = make(build);
    const before = sink.sent.length;
    const answer = await bot.post(body);
    checkAnswer(answer);
    const said = sink.sent.slice(before).filter((s) => s.conversationId === build.conversationId && s.activity.type === 'message');
    if (expected === 'refused') {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(said).toHaveLength(0);
      return;
    }
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(300);
    if (expected === 'quiet') expect(said).toHaveLength(0);
    else expect(said.map((s) => s.activity.text ?? '').join('').trim().length).toBeGreaterThan(0);
  });
});

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '[click me](javascript:alert(1)) **bold** <b>html</b>',
  '{{7*7}} ${process.env.HOME} {choice}',
];
const RAW_HTML = /<script|<img|<svg|onerror=|onload=|javascript:/i;

describe('hostile text is never echoed as markup', () => {
  it.each(['emulator', 'msteams', 'webchat'])('on %s, in text, cards and buttons', async (channelId) => {
    const chat = createBfConversation(bot, sink, { channelId });
    await chat.say('my iphone backup failed');
    for (const text of HOSTILE) {
      const turn = await chat.say(text);
      checkAnswer(turn.answer);
      expect(turn.replies.length).toBeGreaterThan(0);
      const everything = JSON.stringify(turn.replies);
      if (RAW_HTML.test(everything)) throw new Error(`raw markup from the user in a reply:\n${chat.transcript()}\n${everything}`);
    }
  });
});

describe('out-of-place button presses and replays', () => {
  const stepOf = (turn: Awaited<ReturnType<ReturnType<typeof createBfConversation>['say']>>): string | undefined => {
    for (const reply of turn.replies) {
      for (const action of reply.suggestedActions?.actions ?? []) {
        const value = action.value as { stepId?: string } | undefined;
        if (value?.stepId) return value.stepId;
      }
    }
    return undefined;
  };

  it.each([
    ['a forged action', { action: 'step:does-not-exist' }],
    ['a forged stepId', { action: 'yes', stepId: 'no-such-step' }],
    ['a prototype-polluting value', { action: '__proto__', stepId: 'constructor', __proto__: { admin: true } }],
    ['an action that is an object', { action: { toString: 'x' }, stepId: 1 }],
    ['a huge value', { action: 'x'.repeat(50_000) }],
    ['a handoff command as a value', { action: 'human', stepId: 'check_storage', ticket: { priority: 'urgent' } }],
  ])('answers %s sensibly, mid-flow', async (_name, value) => {
    const chat = createBfConversation(bot, sink);
    // A cause named in the first message starts at its fix (a bare complaint gets the diagnostic question first).
    const start = await chat.say('my iphone backup failed because icloud storage is full');
    expect(stepOf(start)).toBeDefined();
    const turn = await chat.send(chat.build.message('', { value }));
    checkAnswer(turn.answer);
    expect(turn.status).toBe(200);
    expect(turn.text.trim().length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers a button from two steps ago by saying where we are, without moving the flow', async () => {
    const chat = createBfConversation(bot, sink);
    const first = stepOf(await chat.say('my iphone backup failed because icloud storage is full'));
    const second = stepOf(await chat.press('no', first, 'No'));
    const third = stepOf(await chat.press('no', second, 'No'));
    expect(new Set([first, second, third]).size).toBe(3);
    const stale = await chat.press('yes', first, 'Yes');
    expect(stale.status).toBe(200);
    expect(stale.text).toMatch(/earlier question/i);
    expect(stepOf(stale)).toBe(third);
  });

  it('answers a replayed activity once, however often it comes', async () => {
    const chat = createBfConversation(bot, sink);
    const activity = chat.build.message('my iphone backup failed');
    const first = await chat.send(activity);
    expect(first.replies.length).toBeGreaterThan(0);
    const replays = await Promise.all([chat.send(activity), chat.send(activity), chat.send(activity)]);
    for (const replay of replays) checkAnswer(replay.answer);
    expect(sink.messages(chat.build.conversationId, activity.id)).toHaveLength(first.replies.length);
  });

  it('answers out-of-order activities (older timestamps, ids out of sequence) without losing the flow', async () => {
    const chat = createBfConversation(bot, sink);
    const a = chat.build.message('my iphone backup failed');
    const b = chat.build.message('no');
    const late = await chat.send({ ...b, timestamp: new Date(Date.now() - 3_600_000) });
    checkAnswer(late.answer);
    expect(late.text.length).toBeGreaterThan(0);
    const early = await chat.send({ ...a, timestamp: new Date(Date.now() - 7_200_000) });
    checkAnswer(early.answer);
    expect(early.text.length).toBeGreaterThan(0);
    const replayOfLate = await chat.send(b);
    expect(replayOfLate.replies).toHaveLength(late.replies.length); // nothing new: answered once
  });
});
