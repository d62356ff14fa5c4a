// Drives the chat page in a Playwright page: type and send, press card or suggested buttons, read bot messages.
// Every wait is on a DOM condition (Playwright's auto-waiting locators), never a sleep.
import type { Frame, Locator, Page } from 'playwright-core';

export interface ChatPage {
  readonly page: Page | Frame;
  send(text: string): Promise<void>;
  /** Waits until a bot message (text bubble or card) matches, and returns it. */
  botSays(pattern: RegExp, timeout?: number): Promise<Locator>;
  /** Presses the last button with this label (the newest card or suggested actions). */
  press(label: string): Promise<void>;
  /** Every bubble and card text in the transcript, in order. */
  transcript(): Promise<string[]>;
}

const TIMEOUT = 30_000;

export function chatPage(page: Page | Frame): ChatPage {
  const activities = page.locator('#webchat .webchat__basic-transcript__activity');
  const input = page.locator('#webchat [data-id="webchat-sendbox-input"]');
  return {
    page,
    async send(text) {
      await input.fill(text, { timeout: TIMEOUT });
      await input.press('Enter');
    },
    async botSays(pattern, timeout = TIMEOUT) {
      const match = activities.filter({ hasText: pattern }).last();
      try {
        await match.waitFor({ timeout });
      } catch (error) {
        // What the page showed instead, so a failure in CI says what the user saw (the last few activities).
        const shown = (await activities.allInnerTexts().catch(() => [])).slice(-4).map((t) => t.replace(/\s+/g, ' ').slice(0, 160));
        throw new Error(`${(error as Error).message}\nlast activities shown:\n${shown.join('\n')}`);
      }
      return match;
    },
    async press(label) {
      const button = page.getByRole('button', { name: label, exact: true }).last();
      await button.click({ timeout: TIMEOUT });
    },
    async transcript() {
      return activities.allInnerTexts();
    },
  };
}
