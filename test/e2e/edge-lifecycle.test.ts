// The bot's lifecycle end to end with a scripted engine: a restart on the same DATA_DIR resumes conversations,
// Bot Framework credentials enforce the JWT, and a graceful stop finishes the turn in flight.
import { createServer, type Server } from 'node:net';
import { createBot, listenProblem } from '../../bot/boot';
import { loadConfig } from '../../bot/config';
import { createSilentLogger } from '../../bot/logger';
import { createMemoryStore } from '../../bot/storage';
import { createBfConversation } from '../support/bf-conversation';
import { createFakeBrain } from '../support/fake-engine';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot } from '../support/start-bot';

let sink: ServiceUrlSink;
beforeAll(async () => {
  sink = await startServiceUrlSink();
});
afterAll(() => sink.close());

describe('bot restart on the same DATA_DIR', () => {
  it('resumes the conversation where it was', async () => {
    const first = await startBot({ brain: createFakeBrain() });
    const chat = createBfConversation(first, sink);
    await chat.say('one');
    await chat.say('two');
    await first.stop();
    const second = await startBot({ brain: createFakeBrain(), dataDir: first.dataDir });
    try {
      chat.useBot(second);
      expect((await chat.say('count')).text).toBe('turns: 3');
    } finally {
      await second.stop();
      await removeDataDir(first.dataDir);
    }
  });
});

describe('Bot Framework authentication', () => {
  it('refuses a request without a valid token with 401 when MicrosoftAppId is set', async () => {
    const secured = await startBot({ brain: createFakeBrain(), env: { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' } });
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const chat = createBfConversation(secured, sink);
      const turn = await chat.say('hello');
      expect(turn.status).toBe(401);
      expect(turn.replies).toEqual([]);
    } finally {
      quiet.mockRestore();
      await secured.stop();
      await removeDataDir(secured.dataDir);
    }
  });
});

describe('graceful stop', () => {
  it('finishes the turn in flight, then refuses new connections and closes storage', async () => {
    const running = await startBot({ brain: createFakeBrain() });
    const chat = createBfConversation(running, sink);
    const gate = sink.hold();
    try {
      const inFlight = chat.say('slow channel');
      await gate.waitForHeld(1);
      const stopped = running.stop();
      expect(running.bot.deps.lifecycle.isShuttingDown()).toBe(true);
      gate.release();
      const turn = await inFlight;
      expect(turn.status).toBe(200);
      expect(turn.text).toBe('echo: slow channel');
      await stopped;
      await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
      await expect(running.bot.deps.store.ping()).rejects.toThrow();
    } finally {
      gate.release();
      await removeDataDir(running.dataDir);
    }
  });
});

describe('listening', () => {
  it('rejects with EADDRINUSE on a busy port, explained in one sentence', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const bot = await createBot({
      config: loadConfig({ PORT: String(port), HOST: '127.0.0.1' }), logger: createSilentLogger(), brain: createFakeBrain(), store: createMemoryStore(),
    });
    try {
      const error = await bot.listen().then(() => undefined, (err: unknown) => err);
      expect((error as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
      expect(listenProblem(error, port)).toBe(`Port ${port} is already in use: stop the other process or set PORT to a free port.`);
    } finally {
      await bot.stop();
      busy.close();
    }
  });
});
