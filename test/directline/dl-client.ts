// A Direct Line 3.0 test client: REST calls with fetch, the WebSocket stream with `ws`, and bounded waits on conditions.
import WebSocket from 'ws';
import type { ActivitySet, WireActivity } from '../../bot/directline/types';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Re-checks `condition` until it returns a value or the deadline passes (never a fixed sleep). */
export async function waitFor<T>(condition: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10)); // re-check interval, not a synchronising sleep
  }
}

export function createClient(base: string) {
  async function call<T = Record<string, unknown>>(method: string, path: string, options: { token?: string; body?: unknown; raw?: string } = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const response = await fetch(`${base}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  type Conversation = { conversationId: string; token: string; expires_in: number; streamUrl: string };
  return {
    call,
    start: (token?: string) => call<Conversation>('POST', '/conversations', { token, body: {} }),
    post: (conversationId: string, token: string, activity: Record<string, unknown>) =>
      call<{ id: string }>('POST', `/conversations/${conversationId}/activities`, { token, body: activity }),
    get: (conversationId: string, token: string, watermark?: string) =>
      call<ActivitySet>('GET', `/conversations/${conversationId}/activities${watermark === undefined ? '' : `?watermark=${watermark}`}`, { token }),
    /** Polls GET /activities (as Web Chat's polling does) until `predicate` holds for the whole list. */
    async until(conversationId: string, token: string, predicate: (all: readonly WireActivity[]) => boolean, what: string): Promise<readonly WireActivity[]> {
      return waitFor(async () => {
        const { body } = await call<ActivitySet>('GET', `/conversations/${conversationId}/activities`, { token });
        return predicate(body.activities) ? body.activities : undefined;
      }, what);
    },
  };
}

export interface StreamClient {
  readonly frames: ActivitySet[];
  readonly emptyFrames: () => number;
  readonly activities: () => WireActivity[];
  waitForActivity(predicate: (a: WireActivity) => boolean, what: string): Promise<WireActivity>;
  close(): void;
}

export function openStream(streamUrl: string): Promise<StreamClient> {
  const ws = new WebSocket(streamUrl);
  const frames: ActivitySet[] = [];
  let empty = 0;
  ws.on('message', (data) => {
    const text = String(data);
    if (text === '') empty += 1;
    else frames.push(JSON.parse(text) as ActivitySet);
  });
  const activities = (): WireActivity[] => frames.flatMap((f) => f.activities);
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () => resolve({
      frames,
      emptyFrames: () => empty,
      activities,
      waitForActivity: (predicate, what) => waitFor(() => activities().find(predicate), what),
      close: () => ws.close(),
    }));
  });
}
