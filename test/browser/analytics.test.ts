// The analytics dashboard in real Chromium: an agent logs in at /analytics, the cards show the API's numbers with
// their definitions, the step funnel is drawn on the flow, a number drills down to its sessions and a transcript, the
// inbox's "ignore" removes a group, and the page keeps its strict CSP (no refusal, error or failed request).
// Screenshot: test-artifacts/screenshots/analytics.png (docs/screenshots/analytics.png in the README, refreshed with
// UPDATE_SCREENSHOTS=1).
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadKnowledge } from '../../dialogs';
import type { Summary } from '../../bot/analytics/summary-types';
import { recordUnrecognized } from '../../bot/nlu/unrecognized-log';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { createScriptedEngine } from '../analytics/support/scripted-engine';
import { buildWorld } from '../analytics/support/script-world';
import { describeInChromium, launchChromium, screenshot, SCREENSHOTS, watchProblems } from './chromium';

// Chromium, a bot and the page share two cores with the rest of the suite in CI: a browser test gets more time.
jest.setTimeout(90_000);

const TIMEOUT = 15_000;

describeInChromium('analytics dashboard in Chromium', () => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    const loaded = loadKnowledge(path.resolve(__dirname, '../../knowledge'));
    if (!loaded.ok) throw new Error('knowledge does not load');
    const flow = loaded.knowledge.flows[0];
    if (!flow) throw new Error('no flow');
    [bot, browser] = await Promise.all([
      startBot({ brain: { knowledge: loaded.knowledge, engine: createScriptedEngine() }, env: { AGENT_TOKEN: 'analytics-token', CONVERSATION_RATE_LIMIT_PER_MINUTE: '0' } }),
      launchChromium(),
    ]);
    const world = buildWorld(160, 7, Date.now(), { [flow.id]: flow.steps.map((s) => s.id) });
    for (const c of world.conversations) {
      for (const [i, t] of c.turns.entries()) {
        await bot.bot.conversations.handle({
          address: { channel: c.channel, conversationKey: `${c.channel}:${c.id}`, reference: {} }, user: { id: c.id },
          input: { kind: t.kind, now: new Date(t.at).toISOString(), locale: 'en-US', ...(t.kind === 'message' ? { text: JSON.stringify(t.events) } : {}) },
          activityId: `${c.id}-${i}`, ...(c.test ? { test: true } : {}),
        });
      }
    }
    const at = new Date().toISOString();
    for (const text of ['can I back up my apple watch', 'backup my apple watch please', 'apple watch backup', 'what is the weather in Paris', 'asdf']) {
      recordUnrecognized(bot.dataDir, { text, ranking: [{ intent: 'backup_failed', confidence: 0.3 }], at });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (bot) await removeDataDir(bot.dataDir);
  });

  it('logs in, shows the numbers with their definitions, draws the funnel on the flow, and drills down', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(`${bot.url}/analytics`);
    await page.locator('#token').fill('analytics-token');
    await page.locator('#agent-name').fill('Sam');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('body[data-ready="true"]').waitFor({ timeout: TIMEOUT });

    const summary = (await bot.request('/analytics/api/summary', { headers: { authorization: 'Bearer analytics-token' } })).json as Summary;
    for (const key of ['sessions', 'resolved_confirmed', 'resolved_assumed', 'escalated', 'abandoned'] as const) {
      await expect(page.locator(`[data-card="${key}"] .card__value .num`).innerText()).resolves.toBe(String(summary[key]));
    }
    await expect(page.locator('[data-card="resolved_assumed"] .card__def').first().innerText()).resolves.toContain('did not come back about the same problem within 72 hours');
    expect(await page.locator('#flowpic svg .node--step').count()).toBeGreaterThanOrEqual(5);
    const first = summary.steps[0];
    if (!first) throw new Error('no step in the summary');
    await expect(page.locator(`#flowpic [data-node="${first.step}"] .counts`).first().textContent()).resolves.toBe(`shown ${first.shown} · fixed ${first.fixed}`);
    await expect(page.locator('#inbox li').count()).resolves.toBeGreaterThanOrEqual(2);
    await screenshot(page, 'analytics');
    // The README's picture: cards, trends, per flow and the funnel drawn on the flow.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'analytics-page.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1900 } });
    // The README's picture is refreshed on request only (UPDATE_SCREENSHOTS=1): a test run leaves the tree as it was.
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path.join(SCREENSHOTS, 'analytics-page.png'), path.resolve(__dirname, '../../docs/screenshots/analytics.png'));

    await page.locator('[data-card="escalated"] .card__value .num').click();
    await page.locator('#drill-title', { hasText: `(${summary.escalated})` }).waitFor({ timeout: TIMEOUT });
    expect(await page.locator('#drill-table tr').count()).toBe(Math.min(summary.escalated, 200) + 1);
    await page.locator('#drill-table button', { hasText: 'transcript' }).first().click();
    await page.locator('#transcript li').first().waitFor({ timeout: TIMEOUT });

    const groups = await page.locator('#inbox li').count();
    await page.locator('#inbox li').first().getByRole('button', { name: 'Ignore' }).click();
    await page.locator(`#inbox > li:nth-child(${groups})`).waitFor({ state: 'detached', timeout: TIMEOUT });
    expect(await page.locator('#inbox > li').count()).toBe(groups - 1);
    await context.close();
    expect(problems).toEqual([]);
  }, 60_000);

  it('refuses the API without a login (401) and serves the libraries from this origin', async () => {
    expect((await bot.request('/analytics/api/summary')).status).toBe(401);
    const chart = await bot.request('/analytics/vendor/chart.umd.js');
    expect(chart.status).toBe(200);
    expect((await bot.request('/analytics')).status).toBe(200);
  });
});
