// A Slack test app: createSlackRouter in express on 127.0.0.1 (a global JSON parser mounted after it, as in
// server.ts), the Web API recorder and a fake ConversationService; plus a DM event builder.
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSilentLogger } from '../../../bot/logger';
import { createSlackRouter, type SlackRouter } from '../../../bot/slack/router';
import { createFakeConversations, type FakeConversations } from './fake-conversations';
import { SIGNING_SECRET } from './signed';
import { startWebApiRecorder, type WebApiRecorder } from './web-api-recorder';

export interface SlackTestApp {
  readonly url: string;
  readonly recorder: WebApiRecorder;
  readonly conversations: FakeConversations;
  readonly slack: SlackRouter;
  close(): Promise<void>;
}

export async function startSlackApp(): Promise<SlackTestApp> {
  const recorder = await startWebApiRecorder();
  const conversations = createFakeConversations();
  const slack = createSlackRouter({ signingSecret: SIGNING_SECRET, botToken: 'xoxb-test', apiUrl: recorder.url, conversations, logger: createSilentLogger() });
  const app = express();
  app.use(slack);
  app.use(express.json());
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    recorder,
    conversations,
    slack,
    async close() {
      await slack.drain();
      await new Promise((resolve) => server.close(resolve));
      await recorder.close();
    },
  };
}

let seq = 0;

/** A direct message event (message.im) as Slack posts it; `extra` overrides event fields. */
export function dmEvent(text: string, extra: Record<string, unknown> = {}) {
  seq += 1;
  const ts = `1700000${seq}.000200`;
  return {
    type: 'event_callback',
    team_id: 'T1',
    event_id: `Ev${seq}`,
    event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text, ts, team: 'T1', ...extra },
  };
}
