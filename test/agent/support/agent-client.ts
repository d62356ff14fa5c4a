// An agent inbox client for tests: fetch with a one-cookie jar, the CSRF header, and the Server-Sent Events stream
// read incrementally, with bounded waits on the events it has seen (never a sleep).
import { CSRF_HEADER, SESSION_COOKIE } from '../../../bot/agent';

export interface AgentAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

export interface EventStream {
  readonly status: number;
  readonly events: SseEvent[];
  waitFor(predicate: (e: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export function createAgentClient(base: string) {
  let cookie: string | undefined;
  let csrf: string | undefined;
  async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<AgentAnswer<T>> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (set) cookie = set.split(';')[0];
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as T };
  }
  return {
    call,
    get cookie() { return cookie; },
    async login(credentials: Record<string, string>): Promise<AgentAnswer> {
      const answer = await call('POST', '/agent/api/login', credentials);
      if (answer.status === 200) csrf = String(answer.body.csrf);
      return answer;
    },
    get: <T = Record<string, unknown>>(path: string) => call<T>('GET', path),
    /** A state-changing call with the session's CSRF token. */
    post: <T = Record<string, unknown>>(path: string, body?: unknown) => call<T>('POST', path, body, csrf ? { [CSRF_HEADER]: csrf } : {}),
    events: () => openEvents(`${base}/agent/api/events`, cookie),
  };
}

async function openEvents(url: string, cookie: string | undefined): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  const events: SseEvent[] = [];
  const wakers = new Set<() => void>();
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
            wakers.forEach((wake) => wake());
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    events,
    waitFor(predicate, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = events.find(predicate);
          if (!found) return;
          clearTimeout(timer);
          wakers.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          wakers.delete(check);
          reject(new Error(`no ${what} event within ${timeoutMs} ms (saw: ${events.map((e) => e.event).join(', ')})`));
        }, timeoutMs);
        wakers.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
