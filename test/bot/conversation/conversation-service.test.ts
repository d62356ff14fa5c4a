// The ConversationService over the memory store and a scripted engine: persistence, replays, welcome once,
// typed numbers, idle pick-up, eTag retries and order.
import { readTranscript } from '../../../bot/conversation/transcript';
import { KEY, clock, request, resetClock, setup } from './service-setup';

describe('createConversationService', () => {
  beforeEach(resetClock);
  it('runs the engine on the stored session and persists the result', async () => {
    const { service } = setup();
    const first = await service.handle(request({ text: 'hello' }));
    const second = await service.handle(request({ text: 'again' }));
    expect(first.replies.map((r) => r.text)).toEqual(['echo: hello']);
    expect(first.handledBy).toBe('bot');
    expect(second.session.turns).toBe(2);
    expect(second.session.updatedAt).toBe(new Date(clock.now).toISOString());
  });

  it('answers a replayed activity once', async () => {
    const { service, engine } = setup();
    await service.handle(request({ text: 'hello' }, 'a1'));
    const replay = await service.handle(request({ text: 'hello' }, 'a1'));
    expect(replay).toMatchObject({ replies: [], handledBy: 'duplicate' });
    expect(engine.inputs).toHaveLength(1);
  });

  it('welcomes once per conversation', async () => {
    const { service } = setup();
    const welcome = await service.handle(request({ kind: 'conversation_start' }));
    const again = await service.handle(request({ kind: 'conversation_start' }));
    expect(welcome.replies[0].text).toBe('welcome');
    expect(again.replies).toEqual([]);
  });

  it('presses the choice whose number is typed, bound to the step it was shown for', async () => {
    const { service, engine } = setup();
    await service.handle(request({ text: 'start' }));
    const outcome = await service.handle(request({ text: ' 1. ' }));
    expect(engine.inputs[1].action).toEqual({ value: 'yes', stepId: 'restart' });
    expect(outcome.replies[0].text).toBe('fixed');
    await service.handle(request({ text: '7' }));
    expect(engine.inputs[2].action).toBeUndefined();
  });

  it('turns a message after the idle TTL, with a flow in progress, into a pick-up', async () => {
    const { service, engine } = setup({ ttl: 30 });
    await service.handle(request({ text: 'start' }));
    clock.now += 29 * 60_000;
    await service.handle(request({ text: 'soon' }));
    clock.now += 31 * 60_000;
    const late = await service.handle(request({ text: 'back again' }));
    expect(engine.inputs.map((i) => i.kind)).toEqual(['message', 'message', 'pick_up']);
    expect(late.replies[0].text).toBe('pick_up after: back again');
  });

  // The session is written with its transcript in one store operation (BotStore.writeTurn) when the store has one,
  // else with storage.write: both paths retry and give up alike.
  type WritePath = 'writeTurn' | 'storage.write';
  function interceptWrites(store: ReturnType<typeof setup>['store'], path: WritePath, before: () => Promise<void>): void {
    if (path === 'writeTurn') {
      const writeTurn = store.writeTurn?.bind(store);
      if (!writeTurn) throw new Error('the memory store should have writeTurn');
      store.writeTurn = async (changes, logKey, entries) => (await before(), writeTurn(changes, logKey, entries));
      return;
    }
    Object.assign(store, { writeTurn: undefined });
    const write = store.storage.write.bind(store.storage);
    store.storage.write = async (changes) => (await before(), write(changes));
  }

  it.each<WritePath>(['writeTurn', 'storage.write'])('retries from a fresh read when another writer wins the eTag race (%s)', async (path) => {
    const { store, service, engine } = setup();
    await service.handle(request({ text: 'one' }));
    const write = store.storage.write.bind(store.storage);
    let sneaked = false;
    interceptWrites(store, path, async () => {
      if (sneaked) return;
      sneaked = true;
      const key = `session/${KEY}`;
      const current = (await store.storage.read([key]))[key];
      await write({ [key]: { ...current, session: { ...current.session, turns: 10 } } });
    });
    const outcome = await service.handle(request({ text: 'two' }));
    expect(outcome.session.turns).toBe(11);
    expect(engine.inputs).toHaveLength(3);
    // The losing attempt wrote nothing: its transcript lines are not there, the winning attempt's are, once.
    const lines = await readTranscript(store.logs, KEY);
    expect(lines.filter((l) => l.text === 'two')).toHaveLength(1);
  });

  it.each<WritePath>(['writeTurn', 'storage.write'])('gives up after the bounded attempts when every write conflicts (%s)', async (path) => {
    const { store, service } = setup();
    await service.handle(request({ text: 'one' }));
    interceptWrites(store, path, async () => {
      throw new Error('Storage: error writing "x" due to eTag conflict.');
    });
    await expect(service.handle(request({ text: 'two' }))).rejects.toThrow(/eTag conflict/);
  });

  it('keeps turns of one conversation in order when they arrive at once', async () => {
    const { service } = setup();
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((text) => service.handle(request({ text }))));
    expect(outcomes.map((o) => [o.replies[0].text, o.session.turns])).toEqual([['echo: a', 1], ['echo: b', 2], ['echo: c', 3], ['echo: d', 4]]);
  });
});
