// POST /api/messages: the Bot Framework endpoint (Emulator, Teams, Slack via Azure), through the adapter's
// processActivity (bot/adapter.ts). Bodies are checked here, once: botbuilder answers `{}` with a 500 and an HTML
// stack trace, and its answers (bare strings, internal messages) are rewritten as JSON.
import express, { type Response, type Router } from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { processActivity, type AdapterAnswer } from '../adapter';
import type { Logger } from '../logger';
import { HttpError } from './http-error';

export interface MessagesRouteDeps {
  readonly adapter: CloudAdapter;
  readonly botLogic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** Largest JSON body accepted (express/body-parser syntax). */
  readonly bodyLimit?: string;
}

const id = z.string().trim().min(1);
/** The least an activity needs for the bot to answer it; everything else is checked field by field later. */
const ActivityShape = z
  .object({
    type: id,
    channelId: id,
    conversation: z.object({ id }),
    serviceUrl: z.string().optional(),
    deliveryMode: z.string().optional(),
    // botbuilder copies these into every reply; a mistyped one fails the reply's serialization after the turn ran.
    id: z.string().optional(),
    replyToId: z.string().optional(),
    locale: z.string().optional(),
    from: z.object({ id: z.string() }).optional(),
    recipient: z.object({ id: z.string() }).optional(),
  })
  .refine((a) => a.deliveryMode === 'expectReplies' || (typeof a.serviceUrl === 'string' && /^https?:\/\//.test(a.serviceUrl)), {
    message: 'serviceUrl must be an http(s) URL',
    path: ['serviceUrl'],
  });

/** Why an activity cannot be processed, for the 400 answer; undefined when it can. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON activity object';
  const result = ActivityShape.safeParse(body);
  if (result.success) return undefined;
  return result.error.issues.map((i) => `${i.path.join('.') || 'activity'}: ${i.message}`).join('; ');
}

const ADAPTER_ERRORS: Readonly<Record<number, [code: string, message: string]>> = {
  400: ['invalid_activity', 'the activity could not be processed'],
  401: ['unauthorized', 'a valid Bot Framework token is required'],
  403: ['forbidden', 'this token is not valid for this bot'],
  501: ['not_implemented', 'this activity type is not handled'],
};

function sendAnswer(res: Response, answer: AdapterAnswer, logger: Logger): void {
  if (answer.status < 300) {
    if (answer.body !== undefined) res.status(answer.status).json(answer.body);
    else res.status(answer.status).end();
    return;
  }
  const known = ADAPTER_ERRORS[answer.status];
  if (answer.status === 401 && answer.error) logger.warn({ security: 'bot-framework-auth', reason: String(answer.body ?? '') }, 'Bot Framework request refused: no valid token');
  else if (!known) logger.error({ status: answer.status, detail: String(answer.body ?? ''), err: answer.error }, 'Bot Framework adapter failed');
  const status = known ? answer.status : 500;
  const [code, message] = known ?? ['internal_error', 'internal error'];
  res.status(status).json({ error: { code, message } });
}

export function createMessagesRouter(deps: MessagesRouteDeps): Router {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: deps.bodyLimit ?? '512kb' }), async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) throw new HttpError(400, 'invalid_activity', problem);
    const answer = await processActivity(deps.adapter, req.body as object, req.headers.authorization ?? '', deps.botLogic);
    sendAnswer(res, answer, deps.logger);
  });
  router.all('/api/messages', () => {
    throw new HttpError(405, 'method_not_allowed', 'use POST');
  });
  return router;
}
