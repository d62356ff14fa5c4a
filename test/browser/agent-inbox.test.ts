// The agent inbox in real Chromium, next to the web chat widget: a user asks for a person, an agent logged in at
// /agent takes the conversation, both write (the user's HTML stays text in the inbox), the agent hands the user back
// at a step, and the bot carries on. Screenshot: test-artifacts/screenshots/agent-inbox.png.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { removeDataDir } from '../support/start-bot';
import { createButtonsBrain } from '../handoff/support/buttons-brain';
import { createTestClock } from '../handoff/support/clock';
import { startHandoffBot, type HandoffBot } from '../handoff/support/handoff-bot';
import { chatPage } from './chat-page';
import { describeInChromium, launchChromium, screenshot, watchProblems } from './chromium';

// Chromium, a bot and the page share two cores with the rest of the suite in CI: a browser test gets more time.
jest.setTimeout(90_000);

const TIMEOUT = 15_000;

describeInChromium('agent inbox in Chromium', () => {
  let bot: HandoffBot;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // A Monday at noon in London, inside the help desk's hours (knowledge/helpdesk.yaml), whenever the test runs.
    const clock = createTestClock('2026-03-02T12:00:00Z');
    [bot, browser] = await Promise.all([
      startHandoffBot({ brain: createButtonsBrain(), now: clock.now, autoStart: true, env: { AGENT_TOKEN: 'inbox-token', BOT_NAME: 'Backup Helper' } }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    if (bot) await removeDataDir(bot.dataDir);
  });

  async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    const page = await context.newPage();
    problems.push(...watchProblems(page));
    await page.goto(url);
    return page;
  }

  it('takes over a web chat, relays both ways, and hands the user back to the bot at a step', async () => {
    const inbox = await open(`${bot.url}/agent`, { width: 1280, height: 860 });
    await inbox.locator('#agent-name').fill('Alice');
    await inbox.locator('#token').fill('inbox-token');
    await inbox.getByRole('button', { name: 'Log in' }).click();
    await inbox.locator('#status', { hasText: 'live' }).waitFor({ timeout: TIMEOUT });

    const user = await open(`${bot.url}/`, { width: 480, height: 820 });
    const chat = chatPage(user);
    await chat.botSays(/I fix \*?\*?iPhone backups|iPhone backups that fail/);
    await chat.press('My backup failed');
    await chat.botSays(/closest to what you see/); // the diagnostic question, answered by typing its number
    await chat.send('2'); // “Couldn't be completed”: the Wi-Fi first
    await chat.botSays(/Check the Wi-Fi connection/);
    await chat.press('No');
    await chat.botSays(/Check Apple System Status/);
    await chat.send('Talk to a person'); // a choice label typed mid-flow works like the button
    await chat.botSays(/someone to join this chat/);
    await chat.botSays(/number 1 in the queue/);

    const row = inbox.locator('#queue-list li[data-state="queued"]').first();
    await row.locator('button').click({ timeout: TIMEOUT });
    await inbox.locator('#transcript li', { hasText: 'Talk to a person' }).first().waitFor({ timeout: TIMEOUT });
    await inbox.locator('#d-summary li', { hasText: 'Check the Wi-Fi connection' }).waitFor({ timeout: TIMEOUT });
    await inbox.locator('#take').click();
    await chat.botSays(/Alice has joined the chat/);

    const html = '<img src=x onerror="window.__pwned=1"><b>bold?</b> my backup is still stuck';
    await chat.send(html);
    await inbox.locator('#transcript li.line--user', { hasText: 'my backup is still stuck' }).waitFor({ timeout: TIMEOUT });
    expect(await inbox.locator('#transcript img, #transcript b').count()).toBe(0);
    expect(await inbox.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(inbox.locator('#transcript li.line--user').last().locator('.line__text').innerText()).resolves.toBe(html);

    await inbox.locator('#message').fill("Hi, I'm Alice. Let's check your Wi-Fi together.");
    await inbox.locator('#message').press('Enter');
    await chat.botSays(/check your Wi-Fi together/); // Web Chat's markdown may curl the apostrophe
    await inbox.locator('#transcript li.line--agent', { hasText: 'Wi-Fi together' }).waitFor({ timeout: TIMEOUT });
    await screenshot(inbox, 'agent-inbox');

    await inbox.locator('#step').selectOption({ label: 'Check the Wi-Fi connection' });
    await inbox.locator('#hand-back').click();
    await chat.botSays(/The agent has left the chat/);
    const wifiCards = user.locator('#webchat .webchat__basic-transcript__activity', { hasText: /Check the Wi-Fi connection/ });
    await wifiCards.nth(1).waitFor({ timeout: TIMEOUT }); // the step again, after the hand-back
    await inbox.locator('#queue-empty').waitFor({ timeout: TIMEOUT });
    await chat.press('Yes');
    await chat.botSays(/glad that did it|backup is working again/);
    await screenshot(user, 'agent-handback-webchat');
    expect(problems).toEqual([]);
  });
});
