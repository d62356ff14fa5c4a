// The renderer contract: one renderer per channel turns the engine's neutral replies into that channel's payloads.
// Every renderer passes the shared contract test (test/bot/renderers/contract.ts): no choice, link or card text lost.
import type { Reply } from '../../dialogs';

export interface Renderer<Payload> {
  /** Channel ids this renderer serves (e.g. ['msteams']); the generic Bot Framework renderer serves '*'. */
  readonly channels: readonly string[];
  /** Longest text one payload may carry on this channel; longer text is split, never cut. */
  readonly maxTextLength: number;
  render(replies: readonly Reply[]): Payload[];
  /** For the contract test: everything a user could read in the payloads, as plain text. */
  readableText(payloads: readonly Payload[]): string;
  /** For the contract test: every action a user could press (label + the value it sends). */
  actions(payloads: readonly Payload[]): { label: string; value: string }[];
}
