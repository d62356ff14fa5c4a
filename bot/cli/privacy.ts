// `npm run privacy -- export --user <id> [--channel <channelId>]`: prints, as JSON, everything held about the user.
// `npm run privacy -- erase --user <id> [--channel <channelId>]`: deletes all of it and prints the erasure's record.
// `--out <file>` writes the JSON there instead of stdout (npm prints its own banner on stdout unless run with -s).
// Reads the same configuration as the bot (.env, DATA_DIR, REDIS_URL); safe while the bot runs. A help-desk notice of
// the erasure waits in the outbox for the bot's worker.
import { writeFileSync } from 'node:fs';
import { readArgs } from './args';
import dotenv from 'dotenv';
import pino from 'pino';
import { privacyParticipants } from '../privacy/participants';
import { ConfigError, loadConfig } from '../config';
import { createHandoffRecords } from '../handoff/records';
import { createHelpdeskConnector } from '../helpdesk';
import { createLogger } from '../logger';
import { createPrivacy } from '../privacy/compose';
import { itemLifetimes } from '../privacy/lifetimes';
import { createStore } from '../storage';

const USAGE = 'usage: npm run privacy -- export|erase --user <id> [--channel <channelId>] [--out <file>]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function main(): Promise<void> {
  const { positionals, values } = readArgs({ user: { type: 'string' }, channel: { type: 'string' }, out: { type: 'string' } }, USAGE, true);
  const [command] = positionals;
  if ((command !== 'export' && command !== 'erase') || positionals.length !== 1 || !values.user?.trim()) fail(USAGE);
  dotenv.config({ quiet: true });
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : String(err), 1);
  }
  // Log lines (warnings only) go to stderr: stdout is the JSON.
  const logger = createLogger({ level: 'warn', destination: pino.destination(2), redactPii: config.redactPii });
  const store = createStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger, itemTtlMs: itemLifetimes(config) });
  try {
    const records = createHandoffRecords(store.storage, { indexed: Boolean(config.agentToken || config.agentUsersFile) });
    const tickets = createHelpdeskConnector(config) !== undefined;
    const participants = privacyParticipants({ config, store, logger, records, tickets });
    const { service } = createPrivacy({ config, store, logger, participants });
    const request = { userId: values.user.trim(), ...(values.channel?.trim() ? { channel: values.channel.trim() } : {}) };
    const result = command === 'export' ? await service.export(request) : { erasure: await service.erase({ ...request, requestedBy: 'cli' }) };
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (values.out) writeFileSync(values.out, json, { mode: 0o600 });
    else process.stdout.write(json);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => fail(`privacy ${process.argv[2] ?? ''} failed: ${err instanceof Error ? err.message : String(err)}`, 1));
