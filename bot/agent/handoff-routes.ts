// The inbox API over handoffs, for a logged-in agent: list, open, take, write, hand back to the bot, close.
// Conversation keys travel URL-encoded (`/agent/api/handoffs/webchat%3Adl_abc`). Changes need the CSRF token.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Flow } from '../../dialogs';
import { readTranscript } from '../conversation';
import { InboxError, type Inbox, type Redactor } from '../handoff';
import type { Logs, TranscriptEntry } from '../ports';
import { HttpError } from '../routes/http-error';
import { requireAgent, requireCsrf, sessionOf } from './http-auth';
import type { AgentSessions } from './sessions';
import { detailView, handBackSteps, rowView } from './views';

export interface HandoffRoutesDeps {
  readonly inbox: Inbox;
  readonly sessions: AgentSessions;
  readonly logs: Logs;
  readonly flows: readonly Flow[];
  readonly now: () => number;
  /** REDACT_PII: the user's lines as the inbox shows them. */
  readonly redact?: Redactor;
}

const STATUS: Readonly<Record<InboxError['code'], number>> = { not_found: 404, taken: 409, not_taken: 409, delivery_failed: 502 };
const Message = z.object({ text: z.string().trim().min(1).max(4000) }).strict();
const HandBack = z.object({ stepId: z.string().trim().min(1).max(200).optional() }).strict();

/** Runs an inbox action, turning its refusals into HTTP answers. */
async function attempt<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InboxError) throw new HttpError(STATUS[err.code], err.code, err.message, { cause: err });
    throw err;
  }
}

export function createHandoffRoutes(deps: HandoffRoutesDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '32kb' });
  const auth = requireAgent(deps.sessions);
  const keyOf = (raw: unknown): string => String(raw);
  const shown = (lines: readonly TranscriptEntry[]): TranscriptEntry[] =>
    lines.map((l) => (deps.redact && l.from === 'user' ? { ...l, text: deps.redact(l.text) } : l));

  router.get('/agent/api/handoffs', auth, async (_req, res) => {
    const entries = await deps.inbox.list(sessionOf(res).agent);
    res.json({ handoffs: entries.map((e) => rowView(e, deps.now())) });
  });

  router.get('/agent/api/handoffs/:key', auth, async (req, res) => {
    const entry = await attempt(() => deps.inbox.get(sessionOf(res).agent, keyOf(req.params.key)));
    const transcript = shown(await readTranscript(deps.logs, entry.record.conversationKey));
    res.json({ handoff: detailView(entry, deps.now(), transcript, deps.flows) });
  });

  router.post('/agent/api/handoffs/:key/take', auth, requireCsrf, async (req, res) => {
    const record = await attempt(() => deps.inbox.take(sessionOf(res).agent, keyOf(req.params.key)));
    res.json({ handoff: rowView({ record }, deps.now()) });
  });

  router.post('/agent/api/handoffs/:key/messages', auth, requireCsrf, json, async (req, res) => {
    const body = Message.safeParse(req.body);
    if (!body.success) throw new HttpError(400, 'invalid_message', 'send { text } with 1–4000 characters');
    const entry = await attempt(() => deps.inbox.say(sessionOf(res).agent, keyOf(req.params.key), body.data.text));
    res.status(201).json({ entry });
  });

  router.post('/agent/api/handoffs/:key/hand-back', auth, requireCsrf, json, async (req, res) => {
    const body = HandBack.safeParse(req.body ?? {});
    if (!body.success) throw new HttpError(400, 'invalid_step', 'send { stepId } or nothing');
    const key = keyOf(req.params.key);
    const { stepId } = body.data;
    if (stepId) {
      const { record } = await attempt(() => deps.inbox.get(sessionOf(res).agent, key));
      if (!handBackSteps(deps.flows, record.packet.pack).some((s) => s.id === stepId)) throw new HttpError(400, 'invalid_step', `no step "${stepId}" to hand back to`);
    }
    const record = await attempt(() => deps.inbox.handBack(sessionOf(res).agent, key, stepId));
    res.json({ handoff: rowView({ record }, deps.now()) });
  });

  router.post('/agent/api/handoffs/:key/close', auth, requireCsrf, async (req, res) => {
    const record = await attempt(() => deps.inbox.close(sessionOf(res).agent, keyOf(req.params.key)));
    res.json({ handoff: rowView({ record }, deps.now()) });
  });
  return router;
}
