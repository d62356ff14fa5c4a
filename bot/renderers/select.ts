// Picks the renderer for a channel id: a registry channel renderers (Teams, Web Chat, Slack-over-BF) register into,
// with the generic Bot Framework renderer ('*') answering every channel nobody claimed.
import type { Renderer } from './types';
import { createBotFrameworkRenderer, type BotFrameworkPayload } from './bot-framework';
import { createWebChatRenderer } from './webchat';
import { createTeamsRenderer } from './teams';

export interface RendererRegistry<Payload> {
  /** Adds a renderer for its `channels`; a later registration for the same channel id wins. `'*'` replaces the fallback. */
  register(renderer: Renderer<Payload>): void;
  /** The renderer for a channel id (case-insensitive), or the fallback. */
  forChannel(channelId: string | undefined): Renderer<Payload>;
  /** Every distinct renderer registered, fallback first. */
  list(): readonly Renderer<Payload>[];
}

export function createRendererRegistry<Payload>(
  fallback: Renderer<Payload>,
  renderers: readonly Renderer<Payload>[] = [],
): RendererRegistry<Payload> {
  let wildcard = fallback;
  const byChannel = new Map<string, Renderer<Payload>>();
  const registry: RendererRegistry<Payload> = {
    register(renderer) {
      for (const channel of renderer.channels) {
        if (channel === '*') wildcard = renderer;
        else byChannel.set(channel.toLowerCase(), renderer);
      }
    },
    forChannel(channelId) {
      return (channelId && byChannel.get(channelId.toLowerCase())) || wildcard;
    },
    list() {
      return [...new Set([wildcard, ...byChannel.values()])];
    },
  };
  renderers.forEach((r) => registry.register(r));
  return registry;
}

/**
 * The renderers of the Bot Framework pipeline (POST /api/messages and our Direct Line).
 * Channel renderers plug in here, one line each, e.g. `createTeamsRenderer(),` — or call `register` at wiring time.
 */
export function createChannelRenderers(
  extra: readonly Renderer<BotFrameworkPayload>[] = [],
): RendererRegistry<BotFrameworkPayload> {
  return createRendererRegistry<BotFrameworkPayload>(createBotFrameworkRenderer(), [
    // createTeamsRenderer(), createWebChatRenderer(), createSlackBotFrameworkRenderer() register here.
    createWebChatRenderer(),
    createTeamsRenderer(),
    ...extra,
  ]);
}
