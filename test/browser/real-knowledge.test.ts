// The shipped knowledge in Chromium, as `npm start` serves it: the iPhone backup journey clicked through with the
// buttons, every fix refused until escalation, and a journey fixed at the first step. Meaning, not exact copy.
import { chatPage, type ChatPage } from './chat-page';
import { describeInChromium, screenshot } from './chromium';
import { useChatEnvironment } from './setup';

// Chromium, a bot and the page share two cores with the rest of the suite in CI: a browser test gets more time.
jest.setTimeout(90_000);

const ESCALATED = /none of the fixes did it/;
const GO_AHEAD = /Shall we go ahead\?/;

/**
 * Presses "No" on each new step card (or "Skip this one" when a step warns first and asks to go ahead) until the
 * escalation comes (at most `max` steps); returns the steps refused.
 */
async function refuseEveryFix(chat: ChatPage, max = 16): Promise<number> {
  const activities = chat.page.locator('#webchat .webchat__basic-transcript__activity');
  const noButtons = chat.page.locator('#webchat .ac-pushButton', { hasText: /^No$/ });
  const warnings = activities.filter({ hasText: GO_AHEAD });
  const escalation = activities.filter({ hasText: ESCALATED });
  for (let steps = 1; steps <= max; steps += 1) {
    const [cards, asked] = [await noButtons.count(), await warnings.count()];
    const warned = GO_AHEAD.test(await activities.last().innerText());
    await chat.press(warned ? 'Skip this one' : 'No');
    // A new step card, a new warning, or the end.
    await noButtons.nth(cards).or(warnings.nth(asked)).or(escalation).first().waitFor({ timeout: 15_000 });
    if ((await escalation.count()) > 0) return steps;
  }
  throw new Error(`no escalation after ${max} refused fixes`);
}

describeInChromium('the shipped knowledge in Chromium', () => {
  const env = useChatEnvironment({ brain: 'real' });

  it('walks the whole journey with the buttons to escalation, with the summary of what was tried', async () => {
    await env.page.goto(`${env.bot.url}/`);
    const chat = chatPage(env.page);
    await chat.botSays(/iPhone backups/);
    await chat.press('My backup failed');
    await chat.botSays(/closest to what you see/); // the diagnostic question
    await chat.send("I'm not sure"); // a typed label answers it like its button
    await chat.botSays(/Free up iCloud storage/);
    const steps = await refuseEveryFix(chat);
    expect(steps).toBeGreaterThanOrEqual(3);
    await chat.botSays(/What we tried/);
    await chat.botSays(/Free up iCloud storage: didn.t help/); // the engine may typeset the apostrophe
    await screenshot(env.page, 'real-escalation');
  });

  it('ends happily when the first fix works', async () => {
    await env.page.goto(`${env.bot.url}/`);
    const chat = chatPage(env.page);
    await chat.send('my iphone backup failed, icloud storage is full'); // a cause named: its fix straight away
    await chat.page.locator('#webchat .ac-pushButton', { hasText: /^Yes$/ }).first().waitFor({ timeout: 15_000 });
    await chat.press('Yes');
    await chat.botSays(/glad that did it|backup is working again/);
    await screenshot(env.page, 'real-fixed');
  });

  it('speaks Spanish from the welcome on when the page is opened with a Spanish locale (the embed\'s data-locale)', async () => {
    await env.page.goto(`${env.bot.url}/?locale=es-ES`);
    const chat = chatPage(env.page);
    await chat.botSays(/copias de seguridad del iPhone/);
    expect(await env.page.getAttribute('html', 'lang')).toBe('es');
    await chat.press('Mi copia de seguridad falla');
    await chat.send('no lo sé'); // the diagnostic question first
    await chat.botSays(/Liberar espacio en iCloud/);
    await chat.send('English please');
    await chat.botSays(/carry on in English/);
    await screenshot(env.page, 'real-spanish');
  });
});
