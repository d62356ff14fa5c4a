// The shared renderer contract: every channel renderer must pass it, so no choice, link or step text is ever lost.
// Usage in a test file: `describeRendererContract(createXRenderer(), { textOf: (p) => p.text ?? '' })`.
import type { Reply } from '../../../dialogs';
import type { RenderedAction, Renderer } from '../../../bot/renderers/types';
import { contractReplies, longDetail, longReply, oddReplies, type ContractCase } from './contract-fixtures';

export interface ContractOptions<Payload> {
  readonly name?: string;
  /**
   * The text a user reads in one payload WITHOUT its buttons (message text, card body, Block Kit text):
   * the plain-text fallback is checked on it. Default: `readableText([payload])`.
   */
  readonly textOf?: (payload: Payload) => string;
}

/** Lower-cased word tokens, so format changes (markdown, mrkdwn, HTML escaping of punctuation) do not matter. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when `needle`'s words appear in `haystack`'s words, in order (other words may sit in between). */
export function containsWords(haystack: string, needle: string): boolean {
  const hay = words(haystack);
  let i = 0;
  for (const word of words(needle)) {
    while (i < hay.length && hay[i] !== word) i += 1;
    if (i === hay.length) return false;
    i += 1;
  }
  return true;
}

/** The action token a "show me how" button sends (the engine answers with the detail). */
export const DETAIL_ACTION = 'detail';

const sameLabel = (a: string, b: string): boolean => words(a).join(' ') === words(b).join(' ');

/**
 * A checklist is reachable two ways: one submit button carrying every box (label and value, in order), or — where the
 * channel has no boxes — the numbered list only, answered by typing numbers. Never a box as a button of its own: it
 * would send one box's value as if it were a choice.
 */
function expectChecklistKept(reply: Reply, actions: readonly RenderedAction[], fallback: string): void {
  const boxes = reply.choices ?? [];
  boxes.forEach((box, i) => {
    expect({ box: box.label, numbered: containsWords(fallback, `${i + 1} ${box.label}`) }).toEqual({ box: box.label, numbered: true });
  });
  const boxValues = new Set(boxes.map((b) => b.value));
  expect(actions.filter((a) => boxValues.has(a.value))).toEqual([]);
  const submits = actions.filter((a) => a.picks);
  if (submits.length === 0) {
    expect(actions.filter((a) => a.value === reply.submit?.value)).toEqual([]);
    return;
  }
  for (const submit of submits) {
    expect({ label: words(submit.label).join(' '), value: submit.value }).toEqual({ label: words(reply.submit?.label ?? '').join(' '), value: reply.submit?.value });
    expect(submit.picks?.map((p) => ({ label: words(p.label).join(' '), value: p.value }))).toEqual(boxes.map((b) => ({ label: words(b.label).join(' '), value: b.value })));
  }
}

/** A detail is on the card (readable, and in the plain-text twin) or behind a button that asks the engine for it. */
function expectDetailKept(detail: NonNullable<Reply['detail']>, readable: string, fallback: string, actions: readonly RenderedAction[]): void {
  if (containsWords(readable, detail.text)) {
    expect({ label: detail.label, readable: containsWords(readable, detail.label) }).toEqual({ label: detail.label, readable: true });
    expect({ detail: 'text', inFallback: containsWords(fallback, detail.text) }).toEqual({ detail: 'text', inFallback: true });
  } else {
    const button = actions.find((a) => sameLabel(a.label, detail.label));
    expect({ label: detail.label, value: button?.value }).toEqual({ label: detail.label, value: DETAIL_ACTION });
  }
}

export function describeRendererContract<Payload>(renderer: Renderer<Payload>, options: ContractOptions<Payload> = {}): void {
  const textOf = options.textOf ?? ((p: Payload) => renderer.readableText([p]));
  const name = options.name ?? `renderer for ${renderer.channels.join(', ')}`;

  describe(`renderer contract: ${name}`, () => {
    it.each(contractReplies.map((c): [string, ContractCase] => [c.name, c]))('keeps everything in %s', (_name, { replies }) => {
      const payloads = renderer.render(replies);
      const readable = renderer.readableText(payloads);
      const actions = renderer.actions(payloads);
      const fallback = payloads.map(textOf).join('\n');
      for (const reply of replies) {
        expect({ text: reply.text, found: containsWords(readable, reply.text) }).toEqual({ text: reply.text, found: true });
        for (const line of reply.lines ?? []) expect({ line, found: containsWords(readable, line) }).toEqual({ line, found: true });
        for (const link of reply.links ?? []) {
          expect({ url: link.url, inText: fallback.includes(link.url) }).toEqual({ url: link.url, inText: true });
        }
        for (const choice of reply.choices ?? []) {
          // The plain-text twin: the label is readable even where buttons are not shown.
          expect({ label: choice.label, inText: containsWords(fallback, choice.label) }).toEqual({ label: choice.label, inText: true });
          const button = actions.find((a) => sameLabel(a.label, choice.label));
          if (button) expect({ label: choice.label, value: button.value }).toEqual({ label: choice.label, value: choice.value });
        }
        if (reply.pick === 'many') expectChecklistKept(reply, actions, fallback);
        if (reply.detail) expectDetailKept(reply.detail, readable, fallback, actions);
      }
    });

    it('keeps the order of the replies', () => {
      const [first, second] = contractReplies[0].replies;
      const readable = renderer.readableText(renderer.render([first, second]));
      expect(containsWords(readable, `${first.text} ${second.text}`)).toBe(true);
    });

    it('offers no button that is not one of the choices', () => {
      const replies = contractReplies.flatMap((c) => c.replies);
      const values = new Set(replies.flatMap((r) => [
        ...(r.choices ?? []).map((c) => c.value),
        ...(r.submit ? [r.submit.value] : []),
        ...(r.detail ? [DETAIL_ACTION] : []),
      ]));
      const urls = new Set(replies.flatMap((r) => (r.links ?? []).map((l) => l.url)));
      for (const action of renderer.actions(renderer.render(replies))) {
        expect(values.has(action.value) || urls.has(action.value)).toBe(true);
      }
    });

    it('keeps every payload within maxTextLength and splits long text without losing a word', () => {
      const reply = longReply(renderer.maxTextLength);
      const payloads = renderer.render([reply]);
      expect(payloads.length).toBeGreaterThan(1);
      for (const p of payloads) expect(textOf(p).length).toBeLessThanOrEqual(renderer.maxTextLength);
      expect(containsWords(renderer.readableText(payloads), reply.text)).toBe(true);
      expect(containsWords(payloads.map(textOf).join('\n'), reply.choices?.[0]?.label ?? '')).toBe(true);
    });

    it('keeps a detail longer than the limit reachable, every payload within maxTextLength', () => {
      const reply = longDetail(renderer.maxTextLength);
      const payloads = renderer.render([reply]);
      for (const p of payloads) expect(textOf(p).length).toBeLessThanOrEqual(renderer.maxTextLength);
      const readable = renderer.readableText(payloads);
      expect(containsWords(readable, reply.text)).toBe(true);
      expectDetailKept(reply.detail as NonNullable<Reply['detail']>, readable, payloads.map(textOf).join('\n'), renderer.actions(payloads));
    });

    it.each(oddReplies.map((r): [string, typeof r] => [JSON.stringify(r.text).slice(0, 30), r]))('renders odd text %s without throwing', (_label, reply) => {
      const payloads = renderer.render([reply]);
      expect(payloads.length).toBeGreaterThan(0);
      for (const p of payloads) expect(textOf(p).length).toBeLessThanOrEqual(renderer.maxTextLength);
    });

    it('renders nothing for no replies', () => {
      expect(renderer.render([])).toEqual([]);
    });
  });
}
