// The renderer registry: a channel's own renderer when one is registered, the generic Bot Framework one otherwise.
import { createBotFrameworkRenderer } from '../../../bot/renderers/bot-framework';
import { createChannelRenderers, createRendererRegistry } from '../../../bot/renderers/select';
import type { Renderer } from '../../../bot/renderers/types';

const named = (channels: string[]): Renderer<string> => ({
  channels, maxTextLength: 100, render: () => [channels.join()], readableText: (p) => p.join(), actions: () => [],
});

describe('createRendererRegistry', () => {
  it('picks the renderer registered for a channel, case-insensitively, and the fallback for the rest', () => {
    const fallback = named(['*']);
    const teams = named(['msteams']);
    const registry = createRendererRegistry(fallback, [teams]);
    expect(registry.forChannel('msteams')).toBe(teams);
    expect(registry.forChannel('MSTeams')).toBe(teams);
    expect(registry.forChannel('emulator')).toBe(fallback);
    expect(registry.forChannel(undefined)).toBe(fallback);
  });

  it('lets a later registration win and a wildcard one replace the fallback', () => {
    const registry = createRendererRegistry(named(['*']));
    const web = named(['webchat', 'directline']);
    const newer = named(['webchat']);
    const generic = named(['*']);
    registry.register(web);
    registry.register(newer);
    registry.register(generic);
    expect(registry.forChannel('webchat')).toBe(newer);
    expect(registry.forChannel('directline')).toBe(web);
    expect(registry.forChannel('slack')).toBe(generic);
    expect(registry.list()[0]).toBe(generic);
    expect(new Set(registry.list())).toEqual(new Set([generic, web, newer]));
  });
});

describe('createChannelRenderers', () => {
  it('answers every channel with the generic Bot Framework renderer unless a channel registers its own', () => {
    const registry = createChannelRenderers();
    expect(registry.forChannel('emulator').channels).toEqual(['*']);
    const short = createBotFrameworkRenderer({ channels: ['test'], maxTextLength: 10 });
    expect(createChannelRenderers([short]).forChannel('test')).toBe(short);
  });
});
