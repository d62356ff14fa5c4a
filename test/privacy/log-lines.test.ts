// Logs carry ids, intents and routes, never what the user typed: a conversation at the most verbose level (trace),
// with a marker phrase in a message the bot understands, one it does not, a handoff and a web chat message, leaves the
// marker in no log line, while the turn lines name the conversation, the route and the intent.
import { Writable } from 'node:stream';
import { createBot } from '../../bot/boot';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { createClient } from '../directline/dl-client';
import { createBfConversation } from '../support/bf-conversation';
import { startServiceUrlSink } from '../support/service-url-sink';
import { sharedRealBrain } from '../support/shared-brain';
import { makeDataDir, removeDataDir, type RunningBot, answer } from '../support/start-bot';

const MARKER = 'periwinkle wombat';

describe('log lines of a turn', () => {
  it('never hold what the user typed, at the most verbose level, with PII redaction off', async () => {
    const lines: string[] = [];
    const destination = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
    const dataDir = await makeDataDir();
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', REDACT_PII: 'false', AGENT_TOKEN: 'agent', LOG_LEVEL: 'trace' });
    const bot = await createBot({ config, brain: sharedRealBrain(), logger: createLogger({ level: 'trace', destination }) });
    const { url } = await bot.listen();
    const sink = await startServiceUrlSink();
    const running = {
      url, bot, config, dataDir,
      request: async (path: string, init?: RequestInit) => answer(await fetch(`${url}${path}`, init)),
      post: async (body: unknown) => answer(await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })),
      stop: () => bot.stop(),
    } as RunningBot;
    try {
      const chat = createBfConversation(running, sink, { user: { id: 'user-log', name: 'Logan' } });
      await chat.join();
      await chat.say(`my iphone backup failed, says the ${MARKER}`);
      await chat.say(`${MARKER} zigzag quandary`);
      await chat.say(`talk to a person about the ${MARKER}`);
      const dl = createClient(`${url}/v3/directline`);
      const { body: web } = await dl.start();
      await dl.post(web.conversationId, web.token, { type: 'message', text: `web ${MARKER}` });
      await dl.until(web.conversationId, web.token, (all) => all.filter((a) => a.from?.role === 'bot').length >= 2, 'the reply');
      await bot.handoff.worker.tick();
      const turns = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'turn');
      expect(turns.length).toBeGreaterThanOrEqual(4);
      expect(turns[1]).toMatchObject({ conversation: expect.stringMatching(/^emulator:/), channel: 'emulator', route: expect.any(String), intent: expect.any(String) });
      expect(lines.filter((l) => l.includes(MARKER))).toEqual([]);
    } finally {
      await bot.stop();
      await sink.close();
      await removeDataDir(dataDir);
    }
  });
});
