// Export and erasure end to end on SQLite, as the outside check does it: two users chat through
// POST /api/messages (the real knowledge and NLU); one is exported with `npm run privacy -- export` (their words in
// it, the other's not) and erased with `npm run privacy -- erase` while the bot runs; then no file under DATA_DIR
// holds a byte of what they typed, the other user's data is intact, the help desk hears a signed `user.erased`, the
// erasure's record names nobody, and the bot answers on the same data, also after a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signBody } from '../../bot/helpdesk';
import { readErasures } from '../../bot/privacy/erasure-log';
import { createAgentClient } from '../agent/support/agent-client';
import { startHelpdeskRecorder, type HelpdeskRecorder } from '../handoff/support/helpdesk-recorder';
import { createBfConversation } from '../support/bf-conversation';
import { filesContaining } from '../support/raw-bytes';
import { startServiceUrlSink, type ServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot, type RunningBot } from '../support/start-bot';
import { runPrivacyCli } from './support/privacy-cli';

const ALICE_SAID = ['my iphone backup keeps failing near the lighthouse quokka', 'zanzibar marmalade periscope wobble', 'talk to a person'];
const ALICE_MARKERS = ['lighthouse quokka', 'zanzibar marmalade periscope wobble'];
const BOB_SAID = ['icloud backup failed by the harbour pelican', 'xylophone turnip carousel'];
const BOB_MARKERS = ['harbour pelican', 'xylophone turnip carousel'];
const env = (recorder: HelpdeskRecorder) => ({ AGENT_TOKEN: 'agent-secret', HELPDESK_KIND: 'webhook', HELPDESK_URL: recorder.url, HELPDESK_SECRET: 'hook-secret' });

describe('privacy export and erasure on SQLite (CLI beside the running bot)', () => {
  let sink: ServiceUrlSink;
  let recorder: HelpdeskRecorder;
  let bot: RunningBot;
  beforeAll(async () => {
    [sink, recorder] = await Promise.all([startServiceUrlSink(), startHelpdeskRecorder()]);
    bot = await startBot({ env: env(recorder) });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([sink.close(), recorder.close(), removeDataDir(bot.dataDir)]);
  });

  it('exports one user, erases them completely, and leaves the other user and the bot working', async () => {
    const alice = createBfConversation(bot, sink, { user: { id: 'user-alice', name: 'Alice' } });
    const bob = createBfConversation(bot, sink, { user: { id: 'user-bob', name: 'Bob' } });
    await alice.join();
    await bob.join();
    for (const text of ALICE_SAID) expect((await alice.say(text)).status).toBe(200);
    for (const text of BOB_SAID) expect((await bob.say(text)).status).toBe(200);
    await bot.bot.handoff.worker.tick(); // the ticket (with Alice's transcript) goes to the help desk
    const agent = createAgentClient(bot.url);
    await agent.login({ token: 'agent-secret', name: 'Sam' });
    const aliceKey = `emulator:${alice.build.conversationId}`;
    expect((await agent.post(`/agent/api/handoffs/${encodeURIComponent(aliceKey)}/take`, {})).status).toBe(200);
    expect(filesContaining(bot.dataDir, ALICE_MARKERS[0])).not.toEqual([]);
    expect(filesContaining(bot.dataDir, ALICE_MARKERS[1])).toContain('unrecognized.jsonl');

    const cliEnv = { DATA_DIR: bot.dataDir, ...env(recorder) };
    const exported = await runPrivacyCli(['export', '--user', 'user-alice'], cliEnv);
    expect(exported.code).toBe(0);
    for (const marker of ALICE_MARKERS) expect(exported.stdout).toContain(marker);
    for (const marker of BOB_MARKERS) expect(exported.stdout).not.toContain(marker);
    expect(exported.json).toMatchObject({ user: 'user-alice', conversations: [aliceKey] });
    const data = (exported.json as { data: Record<string, unknown> }).data;
    expect(Object.keys(data).sort()).toEqual(['analytics', 'directLine', 'handoffs', 'sessions', 'transcripts', 'unrecognized']);
    expect(JSON.stringify(data.unrecognized)).toContain(ALICE_MARKERS[1]);
    expect(JSON.stringify(data.handoffs)).toContain(ALICE_MARKERS[0]); // the packet's transcript

    const erased = await runPrivacyCli(['erase', '--user', 'user-alice'], cliEnv);
    expect(erased.code).toBe(0);
    const { erasure } = erased.json as { erasure: { id: string; counts: Record<string, number> } };
    expect(erasure.counts).toMatchObject({ sessions: 1, transcripts: 1, conversations: 1 });
    expect(erasure.counts.handoffs).toBeGreaterThanOrEqual(2); // the record and the delivered ticket item

    for (const marker of ALICE_MARKERS) expect(filesContaining(bot.dataDir, marker)).toEqual([]);
    for (const marker of BOB_MARKERS) expect(filesContaining(bot.dataDir, marker)).not.toEqual([]);
    const again = await runPrivacyCli(['export', '--user', 'user-alice'], cliEnv);
    expect(again.json).toMatchObject({ conversations: [] });
    const outFile = path.join(os.tmpdir(), `privacy-export-${process.pid}.json`);
    expect((await runPrivacyCli(['export', '--user', 'user-bob', '--out', outFile], cliEnv)).stdout).toBe('');
    const bobExport = fs.readFileSync(outFile, 'utf8');
    fs.rmSync(outFile);
    for (const marker of BOB_MARKERS) expect(bobExport).toContain(marker);
    expect((await runPrivacyCli(['erase'], cliEnv)).code).toBe(2);

    // The open handoff was closed first: no agent keeps it; the help desk hears of the erasure, signed.
    expect((await agent.get<{ handoffs: unknown[] }>('/agent/api/handoffs')).body.handoffs).toEqual([]);
    expect(await bot.bot.handoff.records.get(aliceKey)).toBeUndefined();
    await bot.bot.handoff.worker.tick();
    const request = recorder.requests.find((r) => r.raw.includes('"user.erased"'));
    expect(request?.headers['x-signature']).toBe(signBody(request?.raw ?? '', 'hook-secret'));
    const body = JSON.parse(request?.raw ?? '{}') as { event: { erasureId: string; handoffIds: string[] } };
    expect(body.event.erasureId).toBe(erasure.id);
    expect(body.event.handoffIds).toEqual([expect.stringContaining(aliceKey)]);

    // The record of the erasure holds no personal data.
    const records = await readErasures(bot.bot.deps.store.logs);
    expect(records.map((r) => r.id)).toEqual([erasure.id]);
    expect(JSON.stringify(records)).not.toMatch(/alice|quokka|zanzibar/i);

    // The bot answers on the same data: both users, now and after a restart.
    expect((await bob.say('hello again')).text).not.toBe('');
    expect((await alice.say('hello, I am back')).text).not.toBe('');
    await bot.stop();
    bot = await startBot({ dataDir: bot.dataDir, env: env(recorder) });
    bob.useBot(bot);
    expect((await bob.say('still there?')).text).not.toBe('');
  });
});
