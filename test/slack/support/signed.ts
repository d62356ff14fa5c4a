// Signs requests the way Slack does (v0 HMAC-SHA256 over "v0:<timestamp>:<body>") and posts them to a local server.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  readonly timestamp?: number;
  readonly secret?: string;
  readonly signature?: string;
  readonly headers?: Record<string, string>;
  readonly form?: boolean;
}

/** POSTs a JSON event (or, with `form`, an interactivity payload as Slack sends it: payload=<json>, urlencoded). */
export async function postSigned(url: string, payload: unknown, options: SignedPostOptions = {}): Promise<Response> {
  const body = options.form ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString() : JSON.stringify(payload);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}
