// The renderer contract: one renderer per channel turns the engine's neutral replies into that channel's payloads.
// Every renderer passes the shared contract test (test/bot/renderers/contract.ts): no choice, link or card text lost.
import type { Reply } from '../../dialogs';

/** A button as the contract sees it: its label and the action token it sends. */
export interface RenderedAction {
  readonly label: string;
  readonly value: string;
  /** A checklist's submit: the boxes the user can tick, whose values it sends with it as `picked`. */
  readonly picks?: readonly { readonly label: string; readonly value: string }[];
}

export interface Renderer<Payload> {
  /** Channel ids this renderer serves (e.g. ['msteams']); the generic Bot Framework renderer serves '*'. */
  readonly channels: readonly string[];
  /** Longest text one payload may carry on this channel; longer text is split, never cut. */
  readonly maxTextLength: number;
  render(replies: readonly Reply[]): Payload[];
  /** For the contract test: everything a user could read in the payloads, as plain text. */
  readableText(payloads: readonly Payload[]): string;
  /** For the contract test: every action a user could press (label + the value it sends, + the boxes it sends). */
  actions(payloads: readonly Payload[]): RenderedAction[];
}
