// A help desk on 127.0.0.1 for tests: records every request (headers and the raw body, to check signatures), answers
// as told (up, down with a status, or slower than the bot waits), and counts tickets the way a real help desk with
// idempotency keys would: a repeated key is acknowledged but creates nothing.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface RecordedRequest {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly raw: string;
  readonly status: number;
}

export interface HelpdeskRecorder {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Bodies of created tickets (first request per idempotency key that was answered 2xx), parsed. */
  readonly tickets: unknown[];
  /** Answer every request with this status (e.g. 503) until `up()`. */
  down(status?: number): void;
  up(): void;
  /** Forgets every request, ticket and idempotency key, and comes back up. */
  reset(): void;
  /** Resolves once `count` tickets exist, or rejects after `timeoutMs`. */
  waitForTickets(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startHelpdeskRecorder(): Promise<HelpdeskRecorder> {
  const requests: RecordedRequest[] = [];
  const tickets: unknown[] = [];
  const keys = new Set<string>();
  const waiters = new Set<() => void>();
  let failStatus: number | undefined;
  const app = express();
  app.use(express.text({ type: () => true, limit: '5mb' }));
  app.post(/.*/, (req, res) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    const status = failStatus ?? 201;
    requests.push({ path: req.path, headers: { ...req.headers }, raw, status });
    if (failStatus !== undefined) return void res.status(failStatus).json({ error: 'simulated outage' });
    const key = req.get('idempotency-key') ?? `no-key-${requests.length}`;
    if (!keys.has(key)) {
      keys.add(key);
      tickets.push(JSON.parse(raw) as unknown);
    }
    res.status(201).json({ ticket: { id: tickets.length }, id: `T-${tickets.length}` });
    waiters.forEach((wake) => wake());
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tickets,
    down(status = 503) {
      failStatus = status;
    },
    up() {
      failStatus = undefined;
    },
    reset() {
      failStatus = undefined;
      requests.length = 0;
      tickets.length = 0;
      keys.clear();
    },
    waitForTickets(count, timeoutMs = 5000) {
      if (tickets.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (tickets.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`help desk recorder: ${tickets.length} of ${count} tickets after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
