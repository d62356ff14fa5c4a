// The channel's side of the Bot Framework protocol for the benchmark: a bare node:http serviceUrl that answers every
// `POST /v3/conversations/:id/activities[/:replyToId]` like the Connector API and counts replies per activity id.
// Deliberately minimal (no express, no JSON parsing) so it costs the load generator as little as possible.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchSink {
  readonly url: string;
  /** Replies received for an activity id so far; `forget` drops the count once the turn is measured. */
  replies(activityId: string): number;
  forget(activityId: string): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/[^/]+\/activities(?:\/([^/?]+))?/;

export async function startBenchSink(): Promise<BenchSink> {
  const counts = new Map<string, number>();
  let seq = 0;
  const server = http.createServer((req, res) => {
    const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
    req.resume();
    req.on('end', () => {
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const replyTo = match[1] ? decodeURIComponent(match[1]) : '';
      counts.set(replyTo, (counts.get(replyTo) ?? 0) + 1);
      seq += 1;
      const body = `{"id":"r${seq}"}`;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replies: (id) => counts.get(id) ?? 0,
    forget: (id) => void counts.delete(id),
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
