// The two Connector API calls every turn makes (sendToConversation, replyToActivity) as one plain JSON POST on a
// keep-alive agent, instead of botbuilder's @azure/core-client pipeline (a dozen policies, the generic serializer and
// header objects per call: about a fifth of a bot turn's CPU in `npm run bench`'s profile). Same request as botbuilder
// sends: URL, headers, body (activity-wire.ts), the credentials' own token for the client's audience (they cache and
// refresh it), the pipeline's retries (retry.ts); same answers: the parsed ResourceResponse, or an error carrying
// statusCode/code/details like the pipeline's RestError. Every other call (and any call with options) is the
// original client's. Behind a proxy (HTTP(S)_PROXY set) the original client is kept, since it honours them.
import http from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { ResourceResponse } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { version as connectorVersion } from 'botframework-connector/package.json';
import { activityJson } from './activity-wire';
import { retryDelayMs } from './retry';

type Conversations = ConnectorClient['conversations'];

/** The User-Agent botbuilder's client sends (its connector factory's, then the runtime's). */
const USER_AGENT = `botframework-connector/4.0.0 Microsoft-BotFramework/3.1 botframework-connector/${connectorVersion} Node/${process.version.slice(1)} (${os.type()} ${os.release()}; ${os.arch()})`;
/** Successful statuses of these two operations in the Connector API spec; any other is an error (204 included). */
const SUCCESS: ReadonlySet<number> = new Set([200, 201, 202]);
const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** The pipeline's RestError, as much of it as callers read (bf-delivery.ts classifies by statusCode). */
export class ConnectorCallError extends Error {
  override readonly name = 'RestError';
  constructor(message: string, readonly statusCode: number | undefined, readonly code: string | undefined, readonly details?: unknown) {
    super(message);
  }
}

interface RawResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
}

function post(url: URL, headers: Record<string, string>, body: Buffer): Promise<RawResponse> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(url, { method: 'POST', headers, agent: secure ? agents.https : agents.http }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The body as JSON (undefined when empty), or the pipeline's PARSE_ERROR. */
function parseBody(response: RawResponse): unknown {
  try {
    return response.text ? JSON.parse(response.text) : undefined;
  } catch (err) {
    throw new ConnectorCallError(`Error "${String(err)}" occurred while parsing the response body - ${response.text}.`, response.status, 'PARSE_ERROR');
  }
}

/** The error the pipeline would throw for this answer: the body's error message and code, else the body text. */
function answerError(response: RawResponse): ConnectorCallError {
  const parsed = parseBody(response) as { error?: { code?: string; message?: string }; code?: string; message?: string } | undefined;
  const inner = parsed?.error ?? parsed;
  return new ConnectorCallError(inner?.message || response.text, response.status, inner?.code, parsed);
}

function resultOf(response: RawResponse): ResourceResponse {
  const parsed = parseBody(response);
  const result = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as ResourceResponse;
  // Like the pipeline's answer: the raw response rides along, not enumerable.
  Object.defineProperty(result, '_response', { value: { status: response.status, bodyAsText: response.text, parsedBody: parsed }, enumerable: false });
  return result;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One call with the pipeline's retries; `authorization` is asked once per attempt (tokens cache themselves). */
async function send(client: ConnectorClient, url: URL, conversationId: string, body: Buffer, withConversationHeader: boolean): Promise<ResourceResponse> {
  for (let retryCount = 0; ; retryCount += 1) {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8', accept: '*/*', 'user-agent': USER_AGENT, 'x-ms-client-request-id': randomUUID(),
      'content-length': String(body.length),
    };
    if (withConversationHeader) headers['x-ms-conversation-id'] = conversationId;
    const authorization = await authorizationOf(client);
    if (authorization) headers.authorization = authorization;
    let response: RawResponse | undefined;
    let failure: unknown;
    try {
      response = await post(url, headers, body);
      if (SUCCESS.has(response.status)) return resultOf(response);
    } catch (err) {
      failure = err;
    }
    const errorCode = (failure as NodeJS.ErrnoException | undefined)?.code;
    const delay = retryDelayMs({ retryCount, status: response?.status, errorCode, header: (name) => headerValue(response?.headers[name]) });
    if (delay === undefined) {
      if (response) throw answerError(response); // PARSE_ERROR thrown by it as it is
      if (failure instanceof ConnectorCallError) throw failure;
      throw new ConnectorCallError(failure instanceof Error ? failure.message : String(failure), undefined, errorCode ?? 'REQUEST_SEND_ERROR');
    }
    await wait(delay);
  }
}

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The Authorization header the client's credentials put on a request (none for anonymous / Emulator traffic). */
async function authorizationOf(client: ConnectorClient): Promise<string | undefined> {
  let value: string | undefined;
  const resource = { headers: { set: (name: string, v: string) => void (name.toLowerCase() === 'authorization' && (value = v)), get: () => undefined } };
  await client.credentials.signRequest(resource as unknown as Parameters<ConnectorClient['credentials']['signRequest']>[0]);
  return value;
}

/** `serviceUrl` + the operation's path, as the pipeline joins them (one slash between, parameters URI-encoded, the
 *  serviceUrl's own path and query kept). */
export function operationUrl(serviceUrl: string, conversationId: string, activityId?: string): URL {
  const url = new URL(serviceUrl);
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  url.pathname = `${base}v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId === undefined ? '' : `/${encodeURIComponent(activityId)}`}`;
  return url;
}

/** The pipeline refuses a missing path parameter before sending anything. */
function required(name: string, value: unknown): string {
  if (value === undefined || value === null) throw new Error(`${name} cannot be null or undefined.`);
  return String(value);
}

/** True when a proxy is configured for outbound HTTP, which only botbuilder's pipeline honours. */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'https_proxy', 'http_proxy', 'all_proxy'].some((name) => Boolean(env[name]));
}

/** The same client with its two per-turn calls lean; everything else (credentials, Teams calls, updates) untouched. */
export function withLeanConnector(client: ConnectorClient): ConnectorClient {
  const original = client.conversations;
  const baseUri = (client as unknown as { baseUri?: string }).baseUri;
  if (!baseUri || !/^https?:/i.test(baseUri)) return client;
  const conversations = Object.create(original) as Conversations;
  const withOptions = (rest: readonly unknown[]): boolean => rest.some((r) => r !== undefined);
  const lean = {
    async sendToConversation(conversationId: string, activity: unknown, ...rest: unknown[]) {
      if (withOptions(rest)) return (original.sendToConversation as (...a: unknown[]) => unknown)(conversationId, activity, ...rest);
      const url = operationUrl(baseUri, required('conversationId', conversationId));
      return send(client, url, conversationId, Buffer.from(activityJson(activity)), false);
    },
    async replyToActivity(conversationId: string, activityId: string, activity: unknown, ...rest: unknown[]) {
      if (withOptions(rest)) return (original.replyToActivity as (...a: unknown[]) => unknown)(conversationId, activityId, activity, ...rest);
      const url = operationUrl(baseUri, required('conversationId', conversationId), required('activityId', activityId));
      return send(client, url, conversationId, Buffer.from(activityJson(activity)), true);
    },
  };
  Object.assign(conversations, lean);
  return Object.assign(Object.create(client) as ConnectorClient, { conversations });
}
