// `npm run report`: the analytics report from the bot's own store (the same DATA_DIR / REDIS_URL as the bot), in the
// terminal, as CSV, or as the JSON object GET /analytics/api/summary returns.
//   npm run report                                   outcomes, per flow, per step (all dates, test traffic left out)
//   npm run report -- --from 2026-03-01 --to 2026-03-31 --channel webchat --locale en --knowledge <hash>
//   npm run report -- --json | --csv | --include-test
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { loadKnowledge } from '../../dialogs';
import { FilterError, parseFilter } from '../analytics/filters';
import { formatCsv } from '../analytics/format-csv';
import { formatText } from '../analytics/format-text';
import { buildSummary } from '../analytics/report';
import { ConfigError, loadConfig } from '../config';
import { createLogger } from '../logger';
import { createStore } from '../storage';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const { values } = parseArgs({
    options: {
      from: { type: 'string' }, to: { type: 'string' }, channel: { type: 'string' }, locale: { type: 'string' }, knowledge: { type: 'string' },
      'include-test': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, csv: { type: 'boolean', default: false },
      /** For tests and back-dated reports: the moment the report is made (ISO time). */
      now: { type: 'string' },
    },
  });
  const config = loadConfig();
  const filter = parseFilter({ ...values, include_test: values['include-test'] ? 'true' : undefined });
  const now = values.now ? Date.parse(values.now) : Date.now();
  if (!Number.isFinite(now)) throw new FilterError(`--now: not a time: "${values.now}"`);
  const store = createStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger: createLogger({ level: 'silent' }) });
  try {
    if (!store.analytics) throw new Error(`the ${store.kind} store keeps no analytics`);
    const loaded = loadKnowledge(config.knowledgeDir);
    const flows = loaded.ok ? loaded.knowledge.flows.map((f) => ({ id: f.id, steps: f.steps.map((s) => ({ id: s.id })) })) : undefined;
    const summary = await buildSummary({ analytics: store.analytics, sessionMinutes: config.analyticsSessionMinutes, now: () => now, ...(flows ? { flows } : {}) }, filter);
    process.stdout.write(values.json ? `${JSON.stringify(summary)}\n` : values.csv ? formatCsv(summary) : `${formatText(summary)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  const message = err instanceof ConfigError || err instanceof FilterError || err instanceof Error ? err.message : String(err);
  console.error(message);
  process.exitCode = 1;
});
