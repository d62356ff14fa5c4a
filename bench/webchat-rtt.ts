// `npm run bench:webchat`: Enter → bot reply visible in headless Chromium, over our Direct Line, for the WebSocket
// stream and for polling (Web Chat's default 1 s interval). Prints p50/p90 per transport. Not a test: numbers only.
// Usage: npm run bench:webchat [-- <messages per transport, default 30>]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createBot } from '../bot/boot';
import { loadBrain, type Brain } from '../bot/brain';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import type { Engine, Knowledge } from '../dialogs';
import { launchChromium } from '../test/browser/chromium';

const N = Number(process.argv[2] ?? process.env.RTT_MESSAGES ?? 30);
/** Web Chat's polling interval (botframework-directlinejs default). */
const POLL_MS = 1000;

/** When the real knowledge or engine cannot load (e.g. mid-development), an echo engine still measures the channel. */
function echoBrain(): Brain {
  const knowledge = { replies: {}, intents: [], outOfScope: [], entities: [], flows: [], contacts: [], hash: 'echo' } as Knowledge;
  const engine: Engine = {
    turn: (session, input) => ({
      session: session ?? { version: 1, status: 'idle', steps: [], facts: {}, misses: 0, turns: 0 },
      replies: [{ kind: 'text', text: `echo: ${input.text ?? input.kind}` }],
      effects: [],
      events: [],
      trace: { route: 'echo' },
    }),
  };
  return { knowledge, engine };
}

/**
 * Timed in the page, from the Enter keydown to the frame after the bot's reply entered the DOM (the user's bubble
 * comes first, then the reply). A string, not a function: tsx would wrap named functions in a helper the page lacks.
 */
const MEASURE = `new Promise((resolve) => {
  const transcript = document.querySelector('#webchat');
  const count = () => transcript.querySelectorAll('.webchat__basic-transcript__activity').length;
  const before = count();
  let start = 0;
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') start = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (start && count() >= before + 2) {
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    }
  });
  observer.observe(transcript, { childList: true, subtree: true });
})`;

async function roundTrip(page: Page, text: string): Promise<number> {
  const measured = page.evaluate<number>(MEASURE);
  const input = page.locator('#webchat [data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  return measured;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-webchat-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DIRECT_LINE_SECRET: '' });
  const logger = createLogger({ level: 'silent' });
  let brain: Brain;
  let bot = 'real knowledge';
  try {
    brain = loadBrain({ knowledgeDir: config.knowledgeDir, logger });
  } catch (err) {
    brain = echoBrain();
    bot = `echo engine (real one failed to load: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  const app = await createBot({ config, logger, brain });
  const { url } = await app.listen();
  const browser = await launchChromium();
  const rows: string[] = [];
  try {
    for (const transport of ['websocket', 'polling'] as const) {
      const page = await browser.newPage();
      await page.goto(`${url}/${transport === 'polling' ? '?transport=polling' : ''}`);
      await page.locator('#chat-status[data-state="online"]').waitFor({ timeout: 30_000 });
      await page.locator('.webchat__basic-transcript__activity').first().waitFor({ timeout: 30_000 }); // the welcome
      await roundTrip(page, 'warm up'); // first message pays for lazy code paths
      const times: number[] = [];
      for (let i = 1; i <= N; i += 1) {
        // A think time spread evenly over one polling interval: sending right after a poll answered would always
        // wait a whole interval, sending right before one almost none; real users fall anywhere in between.
        await new Promise((resolve) => setTimeout(resolve, ((i * POLL_MS) / N) % POLL_MS));
        times.push(await roundTrip(page, `my backup failed ${i}`));
      }
      times.sort((a, b) => a - b);
      const f = (ms: number) => ms.toFixed(0).padStart(7);
      rows.push(`${transport.padEnd(10)} ${String(N).padStart(4)} ${f(quantile(times, 0.5))} ${f(quantile(times, 0.9))} ${f(times[0])} ${f(times[times.length - 1])}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(`\nWeb chat round trip: Enter → reply visible (headless Chromium, ${bot}, ${config.redisUrl ? 'Redis' : 'SQLite'} store)\n`);
  console.log('transport     n  p50 ms  p90 ms  min ms  max ms');
  for (const row of rows) console.log(row);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
