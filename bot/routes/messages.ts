// POST /api/messages: the Bot Framework endpoint (Emulator, Teams, Slack via Azure), through CloudAdapter.process.
// Bodies are checked before the adapter sees them: botbuilder answers `{}` with a 500 and an HTML stack trace.
import express, { type Response, type Router } from 'express';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
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

/** What CloudAdapter.process answered: its status and body, before anything is written to the client. */
interface AdapterAnswer {
  status: number;
  body?: unknown;
}

/**
 * A response stand-in for CloudAdapter.process, so its answers can be rewritten as JSON: botbuilder sends errors as
 * bare strings (served as text/html) and would put internal messages (e.g. a failed OpenID metadata fetch) in them.
 */
function captureResponse(): { shim: Pick<Response, 'status' | 'send' | 'end' | 'header'>; answer: AdapterAnswer } {
  const answer: AdapterAnswer = { status: 200 };
  const shim = {
    status(code: number) {
      answer.status = code;
      return shim;
    },
    send(body: unknown) {
      answer.body = body;
      return shim;
    },
    end() {
      return shim;
    },
    header() {
      return shim;
    },
  };
  return { shim: shim as unknown as Pick<Response, 'status' | 'send' | 'end' | 'header'>, answer };
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
  if (!known) logger.error({ status: answer.status, detail: String(answer.body ?? '') }, 'Bot Framework adapter failed');
  const status = known ? answer.status : 500;
  const [code, message] = known ?? ['internal_error', 'internal error'];
  res.status(status).json({ error: { code, message } });
}

export function createMessagesRouter(deps: MessagesRouteDeps): Router {
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: deps.bodyLimit ?? '512kb' }), async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) throw new HttpError(400, 'invalid_activity', problem);
    const { shim, answer } = captureResponse();
    await deps.adapter.process(req, shim as Response, deps.botLogic);
    sendAnswer(res, answer, deps.logger);
  });
  router.all('/api/messages', () => {
    throw new HttpError(405, 'method_not_allowed', 'use POST');
  });
  return router;
}
