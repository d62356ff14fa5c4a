// One JSON POST to a help desk with a deadline; the answer becomes a delivery outcome (see checkHttpStatus).
import { checkHttpStatus } from '../outbox/errors';
import { HELPDESK_TIMEOUT_MS } from './types';

export interface PostAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * POSTs `body` (already serialised, so a signature covers exactly these bytes). A network error or the deadline
 * throws an ordinary Error (retried); a 4xx throws PermanentDeliveryError; 5xx, 408 and 429 are retried.
 */
export async function postJson(url: string, body: string, headers: Readonly<Record<string, string>>, what: string, timeoutMs = HELPDESK_TIMEOUT_MS): Promise<PostAnswer> {
  return requestJson('POST', url, { body, headers, what, timeoutMs });
}

export interface RequestOptions {
  readonly body?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly what: string;
  readonly timeoutMs?: number;
  /** Statuses that are an answer rather than a failure (a DELETE's 404: already gone). */
  readonly accept?: readonly number[];
}

/** Any method, with postJson's deadline and outcome rules. */
export async function requestJson(method: string, url: string, options: RequestOptions): Promise<PostAnswer> {
  const { body, headers, what } = options;
  const timeoutMs = options.timeoutMs ?? HELPDESK_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }), 'user-agent': 'backup-helpdesk-bot', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
    throw new Error(`${what} ${reason}`, { cause: err });
  }
  const text = await response.text().catch(() => '');
  if (!options.accept?.includes(response.status)) checkHttpStatus(response.status, what, text);
  return { status: response.status, text };
}

/** The URL with the path appended, whatever trailing slash the configured base has. */
export function joinUrl(base: string, pathname: string): string {
  return `${base.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
}
