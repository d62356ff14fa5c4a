// Where a turn's CPU goes inside the bot, without HTTP: the engine alone (NLU + dialog), then the whole conversation
// service (session read and eTag write, transcript, handoffs, metrics, the turn's log line) on the in-memory store and
// on SQLite. The turn benchmark's journey, 32 conversations at a time, in this process (`process.cpuUsage`). Beside
// the echo bot's CPU per turn this is the budget: at 0.65 × echo the bot may add about half of echo's CPU per turn.
import fs from 'node:fs';
import path from 'node:path';
import { activityToRequest } from '../bot/activity-to-input';
import { createBot } from '../bot/boot';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import type { ConversationService } from '../bot/ports';
import { createMemoryStore } from '../bot/storage';
import { createEngine, trainUnderstander, type Session } from '../dialogs';
import { loadKnowledgeOrThrow } from './brain-speed';
import { BOT_JOURNEY } from './journey';
import { round } from './stats';

export interface LayerCost {
  readonly layer: string;
  readonly cpuMsPerTurn: number;
  readonly turns: number;
}

const CONCURRENT = 32;
/** As in the turn benchmark: a conversation is left after this many turns (the per-conversation rate limit). */
const TURNS_PER_CONVERSATION = 48;

/** The CPU ms per turn of `turn` over `count` turns (after a warm-up of a tenth), 32 conversations interleaved. */
async function cpuPerTurn(count: number, turn: (conversation: string, text: string, seq: number) => Promise<unknown> | unknown): Promise<number> {
  let seq = 0;
  const run = async (tag: string, total: number): Promise<void> => {
    let next = 0;
    const worker = async (w: number): Promise<void> => {
      for (let conversation = 0; next < total; conversation += 1) {
        for (let i = 0; i < TURNS_PER_CONVERSATION && next < total; i += 1, next += 1) {
          seq += 1;
          await turn(`${tag}-${w}-${conversation}`, BOT_JOURNEY[i % BOT_JOURNEY.length], seq);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT }, (_, w) => worker(w)));
  };
  await run('warm', Math.ceil(count / 10));
  const before = process.cpuUsage();
  await run('run', count);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}

function request(conversation: string, text: string, seq: number) {
  const activity = {
    type: 'message', id: `a${seq}`, timestamp: new Date(), channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/',
    locale: 'en-US', from: { id: `user-${conversation}`, name: 'User' }, recipient: { id: 'bot', name: 'Bot' }, conversation: { id: conversation }, text,
  };
  const turn = activityToRequest(activity as Parameters<typeof activityToRequest>[0], new Date());
  if (!turn) throw new Error('the benchmark activity was not read as a turn');
  return turn;
}

async function serviceCost(store: 'memory' | 'sqlite', knowledgeDir: string, workDir: string, turns: number, analytics = true): Promise<number> {
  const dataDir = fs.mkdtempSync(path.join(workDir, `layers-${store}-`));
  const config = loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, CONVERSATION_RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'info', ANALYTICS_ENABLED: analytics ? 'true' : 'false' });
  const sink = fs.createWriteStream(path.join(workDir, `layers-${store}.log`));
  const bot = await createBot({ config, logger: createLogger({ level: 'info', destination: sink }), ...(store === 'memory' ? { store: createMemoryStore() } : {}) });
  const service: ConversationService = bot.conversations;
  try {
    return await cpuPerTurn(turns, (conversation, text, seq) => service.handle(request(`emulator-${store}-${conversation}`, text, seq)));
  } finally {
    await bot.stop();
    sink.end();
  }
}

export async function measureLayers(knowledgeDir: string, workDir: string, turns = 20_000): Promise<LayerCost[]> {
  const knowledge = loadKnowledgeOrThrow(knowledgeDir);
  const engine = createEngine({ knowledge, understander: trainUnderstander(knowledge) });
  const sessions = new Map<string, Session>();
  const engineMs = await cpuPerTurn(turns, (conversation, text) => {
    const result = engine.turn(sessions.get(conversation), { kind: 'message', text, locale: 'en-US', now: new Date().toISOString() });
    sessions.set(conversation, result.session);
  });
  const layers: [string, number][] = [
    ['engine (NLU + dialog)', engineMs],
    ['service, in-memory store', await serviceCost('memory', knowledgeDir, workDir, turns)],
    // Analytics recording (bot/analytics/) off, then on, one after the other: its cost per turn is the difference.
    ['service, SQLite, analytics off', await serviceCost('sqlite', knowledgeDir, workDir, turns, false)],
    ['service, SQLite', await serviceCost('sqlite', knowledgeDir, workDir, turns)],
    ['service, SQLite, analytics off (again)', await serviceCost('sqlite', knowledgeDir, workDir, turns, false)],
    ['service, SQLite (again)', await serviceCost('sqlite', knowledgeDir, workDir, turns)],
  ];
  return layers.map(([layer, ms]) => ({ layer, cpuMsPerTurn: round(ms, 3), turns }));
}
