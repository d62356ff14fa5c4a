// A local stand-in for the Slack Web API on 127.0.0.1: records every call (method + decoded arguments) and answers ok.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
}

export interface WebApiRecorder {
  /** Base URL to give the client as slackApiUrl, ending in `/api/`. */
  readonly url: string;
  readonly calls: RecordedCall[];
  /** users.info answers: user id → the locale Slack reports for them (include_locale). */
  readonly locales: Record<string, string>;
  /** Calls to one method, e.g. 'chat.postMessage'. */
  of(method: string): RecordedCall[];
  /** Waits (bounded) until `count` calls to `method` have arrived. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

function decode(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The client JSON-encodes nested arguments (blocks) in form bodies.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export async function startWebApiRecorder(): Promise<WebApiRecorder> {
  const calls: RecordedCall[] = [];
  const locales: Record<string, string> = {};
  let ts = 1700000000;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const args = decode(req.headers['content-type'], raw);
      calls.push({ method, args });
      const user = String(args.user);
      const body =
        method === 'auth.test'
          ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' }
          : method === 'users.info'
            ? { ok: true, user: { id: user, ...(locales[user] && args.include_locale ? { locale: locales[user] } : {}) } }
            : { ok: true, channel: args.channel, ts: `${(ts += 1)}.000100`, message: {} };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const of = (method: string) => calls.filter((c) => c.method === method);
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    locales,
    of,
    async waitFor(method, count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (of(method).length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} × ${method}; got ${JSON.stringify(calls.map((c) => c.method))}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return of(method);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
