// The analytics JSON API: the summary (the same object as `npm run report -- --json`), drill-down to sessions, one
// conversation's sessions and redacted transcript, the unrecognized inbox and its two actions, and the page's metadata.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Knowledge } from '../../../dialogs';
import { readTranscript } from '../../conversation';
import type { Logs } from '../../ports';
import { HttpError } from '../../routes/http-error';
import { COUNTING_NOTES, DEFINITIONS } from '../definitions';
import { viewOf } from '../drill';
import { FilterError, parseFilter, toQuery } from '../filters';
import { addToIntent, ignoreMessages, listInbox } from '../inbox';
import { MetricError } from '../drill';
import { buildSummary, drillDown, type ReportSource } from '../report';
import { RETURN_HOURS } from '../recorder';
import type { AnalyticsStore } from '../types';
import { requireChange } from './auth';

export interface ApiDeps {
  readonly analytics: AnalyticsStore;
  readonly sessionMinutes: number;
  readonly knowledge: Knowledge;
  readonly knowledgeDir: string;
  readonly dataDir: string;
  readonly logs: Logs;
  /** REDACT_PII: user lines of transcripts as the dashboard shows them. */
  readonly redact?: (text: string) => string;
  readonly now: () => number;
}

const Texts = z.object({ texts: z.array(z.string().min(1).max(500)).min(1).max(500) });
const Assign = Texts.extend({ intent: z.string().min(1).max(200) }).strict();

/** Query values as plain strings (express may hand arrays for repeated keys). */
const plain = (query: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => typeof v === 'string') as [string, string][]);

async function answering<T>(run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof FilterError || err instanceof MetricError) throw new HttpError(400, err.code, err.message);
    throw err;
  }
}

export function createApiRoutes(deps: ApiDeps, auth: express.RequestHandler): Router {
  const router = express.Router();
  const json = express.json({ limit: '64kb' });
  const flows = deps.knowledge.flows.map((f) => ({ id: f.id, steps: f.steps.map((s) => ({ id: s.id })) }));
  const source: ReportSource = { analytics: deps.analytics, sessionMinutes: deps.sessionMinutes, flows, now: deps.now };
  const clock = () => ({ now: deps.now(), idleMs: deps.sessionMinutes * 60_000, returnMs: RETURN_HOURS * 3_600_000 });

  router.get('/analytics/api/summary', auth, async (req, res) => {
    const filter = await answering(() => parseFilter(plain(req.query)));
    res.json(await buildSummary(source, filter));
  });

  router.get('/analytics/api/sessions', auth, async (req, res) => {
    const q = plain(req.query);
    const filter = await answering(() => parseFilter(q));
    res.json(await answering(() => drillDown(source, q.metric ?? 'sessions', filter, Math.min(1000, Number(q.limit) || 200))));
  });

  router.get('/analytics/api/conversations/:key', auth, async (req, res) => {
    const key = String(req.params.key);
    const sessions = await deps.analytics.conversationSessions(key);
    if (sessions.length === 0) throw new HttpError(404, 'not_found', 'no analytics session for this conversation');
    const transcript = (await readTranscript(deps.logs, key, 1000)).map((l) => (deps.redact && l.from === 'user' ? { ...l, text: deps.redact(l.text) } : l));
    res.json({ conversation: key, sessions: sessions.map((s) => viewOf(s, clock())), transcript });
  });

  router.get('/analytics/api/meta', auth, (_req, res) => {
    res.json({
      definitions: DEFINITIONS,
      notes: COUNTING_NOTES,
      knowledge: deps.knowledge.hash,
      settings: { session_minutes: deps.sessionMinutes, return_hours: RETURN_HOURS },
      intents: deps.knowledge.intents.map((i) => ({ name: i.name, label: i.label })),
      flows: deps.knowledge.flows.map((f) => ({ id: f.id, title: f.title, steps: f.steps.map((s, i) => ({ id: s.id, title: s.title, next: s.next ?? f.steps[i + 1]?.id ?? 'escalate' })) })),
    });
  });

  router.get('/analytics/api/unrecognized', auth, async (req, res) => {
    const filter = await answering(() => parseFilter(plain(req.query)));
    const { from, to } = toQuery(filter);
    res.json({ groups: listInbox(deps.dataDir, { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }) });
  });

  router.post('/analytics/api/unrecognized/assign', auth, requireChange, json, async (req, res) => {
    const body = Assign.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_body', 'send { texts: [..], intent }');
    const { texts, intent } = body.data;
    try {
      res.json({ results: addToIntent(deps.dataDir, deps.knowledgeDir, deps.knowledge, texts, intent) });
    } catch (err) {
      throw new HttpError(400, 'invalid_intent', err instanceof Error ? err.message : String(err));
    }
  });

  router.post('/analytics/api/unrecognized/ignore', auth, requireChange, json, async (req, res) => {
    const body = Texts.strict().safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_body', 'send { texts: [..] }');
    res.json({ removed: ignoreMessages(deps.dataDir, body.data.texts) });
  });
  return router;
}
