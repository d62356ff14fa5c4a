// A stand-in for a Bot Framework channel's serviceUrl (the way the Emulator talks): a tiny express server on
// 127.0.0.1 that records every activity the bot sends, by conversation, and answers like the Connector API.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Activity } from 'botbuilder';

export interface SentActivity {
  readonly conversationId: string;
  /** The activity replied to (`/activities/:replyToId`), or undefined for sendToConversation. */
  readonly replyToId?: string;
  readonly activity: Partial<Activity>;
  readonly authorization?: string;
}

export interface ServiceUrlSink {
  readonly url: string;
  readonly sent: SentActivity[];
  /** Messages (type `message`) sent to a conversation, optionally only those replying to one activity. */
  messages(conversationId: string, replyToId?: string): Partial<Activity>[];
  /** Resolves once `predicate` holds for the recorded activities, or rejects after `timeoutMs`. */
  waitFor(predicate: (sent: readonly SentActivity[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Makes the next `count` sends fail with this HTTP status (channel outage). */
  failNext(count: number, status?: number): void;
  /** Holds every send until `release()` (a slow channel), so a turn stays in flight; `held()` counts waiting sends. */
  hold(): { release(): void; held(): number; waitForHeld(count: number, timeoutMs?: number): Promise<void> };
  close(): Promise<void>;
}

export async function startServiceUrlSink(): Promise<ServiceUrlSink> {
  const sent: SentActivity[] = [];
  const waiters = new Set<() => void>();
  let failures: { count: number; status: number } = { count: 0, status: 503 };
  let seq = 0;
  let gate: Promise<void> | undefined;
  let heldCount = 0;
  const heldWaiters = new Set<() => void>();
  const app = express();
  app.use(express.json({ limit: '5mb' }));
  const record = async (req: express.Request, res: express.Response): Promise<void> => {
    if (gate) {
      heldCount += 1;
      heldWaiters.forEach((wake) => wake());
      await gate;
      heldCount -= 1;
    }
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      res.status(failures.status).json({ error: { code: 'ServiceError', message: 'simulated channel failure' } });
      return;
    }
    const { conversationId, replyToId } = req.params as { conversationId: string; replyToId?: string };
    sent.push({ conversationId, replyToId, activity: req.body as Partial<Activity>, authorization: req.headers.authorization });
    waiters.forEach((wake) => wake());
    seq += 1;
    res.status(200).json({ id: `sent-${seq}` });
  };
  app.post('/v3/conversations/:conversationId/activities/:replyToId', record);
  app.post('/v3/conversations/:conversationId/activities', record);
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NotFound' } }));

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    messages: (conversationId, replyToId) =>
      sent
        .filter((s) => s.conversationId === conversationId && (replyToId === undefined || s.replyToId === replyToId))
        .map((s) => s.activity)
        .filter((a) => a.type === 'message'),
    waitFor(predicate, timeoutMs = 5000) {
      if (predicate(sent)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`service URL sink: condition not met within ${timeoutMs} ms (${sent.length} activities sent)`));
        }, timeoutMs);
        const check = (): void => {
          if (!predicate(sent)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    failNext(count, status = 503) {
      failures = { count, status };
    },
    hold() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      const held = () => heldCount;
      return {
        release: () => {
          gate = undefined;
          release();
        },
        held,
        waitForHeld: (count, timeoutMs = 5000) =>
          new Promise<void>((resolve, reject) => {
            const check = (): void => {
              if (heldCount < count) return;
              clearTimeout(timer);
              heldWaiters.delete(check);
              resolve();
            };
            const timer = setTimeout(() => {
              heldWaiters.delete(check);
              reject(new Error(`service URL sink: ${heldCount} of ${count} sends held after ${timeoutMs} ms`));
            }, timeoutMs);
            heldWaiters.add(check);
            check();
          }),
      };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
