// HTTP errors as JSON: one error type for routes to throw, and the handler that answers every error with JSON.
// Never an HTML page or a stack trace, whatever went wrong (malformed JSON, too large, a bug).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/** body-parser's error types → our codes. */
const BODY_ERRORS: Readonly<Record<string, string>> = {
  'entity.parse.failed': 'invalid_json',
  'entity.too.large': 'too_large',
  'encoding.unsupported': 'unsupported_encoding',
  'charset.unsupported': 'unsupported_charset',
  'request.aborted': 'aborted',
};

interface ErrorShape {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

/** The JSON body and status for any thrown value. Client errors say what was wrong; server errors say nothing more. */
export function errorResponse(err: unknown): { status: number; body: { error: { code: string; message: string } } } {
  if (err instanceof HttpError) return { status: err.status, body: { error: { code: err.code, message: err.message } } };
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorShape;
  const raw = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  const status = raw >= 400 && raw <= 599 ? raw : 500;
  if (status >= 500) return { status, body: { error: { code: 'internal_error', message: 'internal error' } } };
  const code = (typeof e.type === 'string' && BODY_ERRORS[e.type]) || 'bad_request';
  const message = code === 'invalid_json' ? 'malformed JSON body' : typeof e.message === 'string' && e.expose !== false ? e.message : 'bad request';
  return { status, body: { error: { code, message } } };
}

export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    const { status, body } = errorResponse(err);
    if (status >= 500) logger.error({ err, method: req.method, path: req.path }, 'request failed');
    else logger.debug({ status, code: body.error.code, method: req.method, path: req.path }, 'request refused');
    if (res.headersSent) return next(err);
    res.status(status).json(body);
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `no route for ${req.method} ${req.path}` } });
};
