// Checklists and "show me how" in the web chat, in real Chromium: the boxes render as checkboxes, ticking two and
// pressing Done sends exactly those two values as `picked`; the detail button unfolds the detail text on the card.
import type { Page } from 'playwright-core';
import { chatPage } from './chat-page';
import { describeInChromium, screenshot } from './chromium';
import { settled, useChatEnvironment } from './setup';

// Chromium, a bot and the page share two cores with the rest of the suite in CI: a browser test gets more time.
jest.setTimeout(90_000);

describeInChromium('web chat checklists and details in Chromium', () => {
  const env = useChatEnvironment();
  let page: Page;
  beforeEach(() => {
    ({ page } = env);
  });

  it('shows a checklist as checkboxes and sends the two ticked values as picked', async () => {
    await page.goto(`${env.bot.url}/`);
    const chat = chatPage(page);
    await chat.botSays(/I fix iPhone backups/);
    await chat.send('what have I tried');
    const card = await chat.botSays(/Tick what you tried already/);
    const boxes = card.getByRole('checkbox');
    await expect(boxes.count()).resolves.toBe(3);
    await card.getByRole('checkbox', { name: 'Free up iCloud storage' }).check();
    await card.getByRole('checkbox', { name: 'Update iOS' }).check();
    await screenshot(page, 'webchat-checklist');
    await card.getByRole('button', { name: 'Done', exact: true }).click();
    await chat.botSays(/Submitted: 2 ticked/);
    await settled(page);
    await screenshot(page, 'webchat-checklist-sent');
    expect(env.inputs.at(-1)?.action).toEqual({ value: 'tried', stepId: 'check_storage', picked: ['step:check_storage', 'step:update_ios'] });
  });

  it('folds the detail behind "Show me how" and unfolds it on the card', async () => {
    await page.goto(`${env.bot.url}/`);
    const chat = chatPage(page);
    await chat.botSays(/I fix iPhone backups/);
    await chat.send('how to update');
    const card = await chat.botSays(/Install the latest iOS/);
    const detail = card.getByText(/tap Update Now/);
    await expect(detail.isVisible()).resolves.toBe(false);
    await card.getByRole('button', { name: 'Show me how' }).click();
    await detail.waitFor({ state: 'visible' });
    await settled(page);
    await screenshot(page, 'webchat-detail');
  });
});
