// The embed launcher on another site: one <script> tag adds a button that opens the chat in an iframe panel,
// on a host page with a strict CSP of its own (embed.js styles through the DOM, never an inline <style>).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { chatPage } from './chat-page';
import { describeInChromium, screenshot } from './chromium';
import { settled, useChatEnvironment } from './setup';

// Chromium, a bot and the page share two cores with the rest of the suite in CI: a browser test gets more time.
jest.setTimeout(90_000);

/** The chat iframe once it has navigated to the bot's embed page. */
async function chatFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe[title="Help"]').elementHandle())?.contentFrame();
  if (!frame) throw new Error('no chat iframe');
  await frame.waitForURL(/embed=1/);
  return frame;
}

function hostPage(botUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Example shop</h1><p>Products and prices.</p>
<script src="${botUrl}/embed.js" data-bot-url="${botUrl}" data-title="Help" data-color="#0a7d4f" async></script></body></html>`;
}

describeInChromium('embed.js on another site', () => {
  const env = useChatEnvironment({ viewport: { width: 1024, height: 760 } });
  let host: Server;
  let hostUrl: string;
  beforeAll(async () => {
    host = createServer((_req, res) => {
      res.setHeader('Content-Security-Policy', `default-src 'self'; script-src ${env.bot.url}; frame-src ${env.bot.url}`);
      res.setHeader('Content-Type', 'text/html');
      res.end(hostPage(env.bot.url));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // "localhost" and "127.0.0.1" are different origins: the shop and the bot are cross-origin, as in production.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

  it('opens the chat in a panel from the launcher button, and closes it again', async () => {
    const { page } = env;
    await page.goto(hostUrl);
    const launcher = page.getByRole('button', { name: 'Help' });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await page.locator('iframe').count()).toBe(0); // nothing loads before the first click
    await launcher.click();
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    const frame = await chatFrame(page);
    // The host page's lang (no data-locale on the tag) is the chat's locale.
    expect(frame.url()).toBe(`${env.bot.url}/?embed=1&color=%230a7d4f&locale=en`);
    const chat = chatPage(frame);
    await chat.botSays(/I fix iPhone backups/);
    await settled(frame);
    await screenshot(page, 'embed-open');
    await frame.getByRole('button', { name: 'Close chat' }).click(); // asks the host page (postMessage) to close
    await page.locator('#helpdesk-chat-panel').waitFor({ state: 'hidden' });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
  });

  it('fills a phone screen', async () => {
    const { page } = env;
    await page.setViewportSize({ width: 390, height: 780 });
    await page.goto(hostUrl);
    await page.getByRole('button', { name: 'Help' }).click();
    const box = await page.locator('#helpdesk-chat-panel').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 780 });
    const frame = await chatFrame(page);
    await chatPage(frame).botSays(/I fix iPhone backups/);
    await settled(frame);
    await screenshot(page, 'embed-phone');
  });
});
