// One bot (the real edge over the journey engine, or the real knowledge) and one Chromium per test file, a fresh browser context per test,
// and after each test: no CSP refusal, script error or failed request on the page.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { TurnInput } from '../../dialogs';
import { startBot, type RunningBot } from '../support/start-bot';
import { launchChromium, watchProblems } from './chromium';
import { createJourneyBrain } from './journey-engine';

export interface ChatEnvironment {
  readonly bot: RunningBot;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every input the journey engine received (empty with the real brain). */
  readonly inputs: readonly TurnInput[];
}

export interface EnvironmentOptions {
  readonly viewport?: { width: number; height: number };
  /** `real`: the knowledge in ./knowledge with the real NLU and engine. Default: the journey engine. */
  readonly brain?: 'journey' | 'real';
}

export function useChatEnvironment(options: EnvironmentOptions = {}): ChatEnvironment {
  const viewport = options.viewport ?? { width: 480, height: 820 };
  const env = {} as { bot: RunningBot; browser: Browser; context: BrowserContext; page: Page; problems: string[]; inputs: readonly TurnInput[] };
  beforeAll(async () => {
    const brain = options.brain === 'real' ? undefined : createJourneyBrain();
    env.inputs = brain?.inputs ?? [];
    [env.bot, env.browser] = await Promise.all([startBot({ brain, env: { BOT_NAME: 'Backup Helper' } }), launchChromium()]);
  }, 120_000); // the real brain trains its NLU at start-up: seconds, more on a busy machine
  afterAll(async () => {
    await env.browser?.close();
    await env.bot?.stop();
  });
  beforeEach(async () => {
    env.context = await env.browser.newContext({ viewport });
    env.page = await env.context.newPage();
    env.problems = watchProblems(env.page);
  });
  afterEach(async () => {
    await env.context.close();
    expect(env.problems).toEqual([]);
  });
  return {
    get bot() { return env.bot; },
    get browser() { return env.browser; },
    get context() { return env.context; },
    get page() { return env.page; },
    get inputs() { return env.inputs; },
  };
}

/** Web Chat shows "Connecting…" until its own status settles: wait for it to go before a screenshot. */
export async function settled(page: Page | Frame): Promise<void> {
  await page.locator('#chat-status[data-state="online"]').waitFor();
  await page.locator('.webchat__connectivityStatus').waitFor({ state: 'detached' });
}
