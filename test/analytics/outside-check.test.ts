// The outside check, as issue 15 describes it: scripted web chat conversations with known outcomes through
// POST /api/messages (the real knowledge, NLU and engine, default configuration plus AGENT_TOKEN), then
// `npm run report -- --json` on the same DATA_DIR and GET /analytics/api/summary with the token count them exactly.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Summary } from '../../bot/analytics/summary-types';
import { createActivityBuilder, type ActivityBuilder } from '../support/activity-builders';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const FLOW = 'iphone-backup-failed';

describe('analytics counted from outside (POST /api/messages, npm run report, GET /analytics/api/summary)', () => {
  let bot: RunningBot;
  let sink: ServiceUrlSink;

  beforeAll(async () => {
    sink = await startServiceUrlSink();
    bot = await startBot({ env: { AGENT_TOKEN: 'analytics-token' } });
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    await sink?.close();
    if (bot) await removeDataDir(bot.dataDir);
  });

  const chat = (): ActivityBuilder => createActivityBuilder({ serviceUrl: sink.url, channelId: 'webchat', locale: 'en-US' });
  async function say(c: ActivityBuilder, ...texts: string[]): Promise<void> {
    for (const text of texts) {
      const answer = await bot.post(c.message(text));
      expect([text, answer.status]).toEqual([text, 200]);
    }
  }

  it('counts sessions, confirmed resolutions, escalations, the first steps, unrecognized messages and CSAT, and leaves test traffic out', async () => {
    // "my iPhone backup failed" names no cause: the diagnostic question first; "I'm not sure" keeps the usual order.
    const failed = ['my iPhone backup failed', "I'm not sure"];
    await say(chat(), ...failed, 'yes that fixed it', '4'); // fixed at step 1, CSAT 4 typed
    await say(chat(), ...failed, 'no', 'yes it worked'); // fixed at step 2
    await say(chat(), ...failed, 'no', 'I already tried that'); // step 3 waiting
    await say(chat(), 'hello'); // small talk only
    await say(chat(), 'asdf qwerty zxcv', 'my iPhone backup failed'); // one message not understood, then the question
    // Every fix failed (the last two warn first: "no" passes them over), CSAT 2.
    await say(chat(), ...failed, ...Array.from({ length: 9 }, () => 'no'), '2');
    await say(chat(), ...failed, 'I want to talk to a person'); // a person asked for at step 1
    const tester = createActivityBuilder({ serviceUrl: sink.url, channelId: 'webchat', locale: 'en-US' });
    await bot.post(tester.message('my iPhone backup failed', { channelData: { test: true } }));

    const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'bot/cli/report.ts'), '--json'], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: bot.dataDir, REDIS_URL: '' },
    });
    const report = JSON.parse(stdout) as Summary;
    const api = await bot.request('/analytics/api/summary', { headers: { authorization: 'Bearer analytics-token' } });
    expect(api.status).toBe(200);
    const summary = api.json as Summary;

    for (const r of [report, summary]) {
      expect(r).toMatchObject({ sessions: 7, engaged: 6, resolved_confirmed: 2, escalated: 2, user_messages: 30, unrecognized_messages: 1 });
      expect(r.csat).toMatchObject({ responses: 2, mean: 3, asked: 3 });
      expect(r.escalations.reasons).toEqual({ all_fixes_failed: 1, asked_person: 1 });
      const step = (id: string) => r.steps.find((s) => s.flow === FLOW && s.step === id);
      expect(step('check_storage')).toMatchObject({ shown: 5, fixed: 1, not_fixed: 3, already_tried: 0, escalated: 1 });
      expect(step('check_wifi')).toMatchObject({ shown: 3, fixed: 1, not_fixed: 1, already_tried: 1 });
      expect(step('auto_backup')).toMatchObject({ shown: 2, not_fixed: 1, waiting: 1 });
      expect(step('sign_out_in')).toMatchObject({ shown: 1, escalated: 1 });
    }
    const { generated_at: _a, ...reportRest } = report.period;
    const { generated_at: _b, ...apiRest } = summary.period;
    expect(reportRest).toEqual(apiRest);
    expect({ ...report, period: null, days: null }).toEqual({ ...summary, period: null, days: null });
    const withTest = (await bot.request('/analytics/api/summary?include_test=true', { headers: { authorization: 'Bearer analytics-token' } })).json as Summary;
    expect(withTest.sessions).toBe(8);
  }, 120_000);

  it('refuses the summary without the token, or with a wrong one', async () => {
    expect((await bot.request('/analytics/api/summary')).status).toBe(401);
    expect((await bot.request('/analytics/api/summary', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await bot.request('/analytics/api/summary?from=2026-13-01', { headers: { authorization: 'Bearer analytics-token' } })).status).toBe(400);
  });
});
