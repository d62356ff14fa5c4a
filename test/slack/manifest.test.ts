// slack/manifest.yaml: the scopes, events and request URLs the Slack router needs, so the pasted app works at once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../bot/slack/router';

interface SlackManifest {
  display_information: { name: string; description: string; long_description?: string };
  features: { bot_user: { display_name: string }; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync(join(__dirname, '../../slack/manifest.yaml'), 'utf8'), { uniqueKeys: true }) as SlackManifest;

describe('slack/manifest.yaml', () => {
  it('asks for exactly the bot scopes the router uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'chat:write', 'im:history', 'im:read', 'im:write', 'users:read']);
  });

  it('subscribes to DMs and mentions, and sends events and clicks to /slack/events over https', () => {
    const { event_subscriptions: events, interactivity } = manifest.settings;
    expect([...events.bot_events].sort()).toEqual(['app_mention', 'message.im']);
    expect(interactivity.is_enabled).toBe(true);
    for (const url of [events.request_url, interactivity.request_url]) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('lets people write to the bot in its Messages tab, within Slack\'s field limits', () => {
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description ?? '';
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
  });
});
