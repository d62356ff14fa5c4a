// The Direct Line WebSocket stream: frames `{activities, watermark}` read from the shared log, woken by the BotStore bus
// (so activities appended on any instance arrive), an empty keep-alive frame periodically, and dead sockets dropped.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseWatermark, type ConversationLog } from './conversation-log';
import type { TokenService } from './tokens';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?#]+)\/stream$/;

export interface StreamServer {
  /** Takes the upgrade when the path is a Direct Line stream; returns false (and leaves the socket alone) otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Closes every stream: clients reconnect (to any instance) and catch up from their watermark. */
  disconnectAll(): void;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function createStreamServer(options: { tokens: () => Promise<TokenService>; log: ConversationLog; logger: Logger; keepAliveMs: number }): StreamServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  function serve(ws: WebSocket, conversationId: string, startAt: number): void {
    let watermark = startAt;
    let pumping = false;
    let again = false;
    let alive = true;
    // Reads until the log is exhausted; a wake-up during a read triggers one more pass, so nothing is missed or sent twice.
    const pump = async (): Promise<void> => {
      if (pumping) { again = true; return; }
      pumping = true;
      try {
        do {
          again = false;
          for (;;) {
            const set = await options.log.read(conversationId, watermark);
            watermark = Number(set.watermark);
            if (set.activities.length === 0 || ws.readyState !== ws.OPEN) break;
            ws.send(JSON.stringify(set));
          }
        } while (again);
      } catch (err) {
        options.logger.warn({ err, conversationId }, 'direct line stream read failed; retrying on the next wake-up');
      } finally {
        pumping = false;
      }
    };
    const unsubscribe = options.log.subscribe(conversationId, () => void pump());
    const timer = setInterval(() => {
      if (!alive) { ws.terminate(); return; }
      alive = false;
      ws.ping();
      ws.send(''); // Direct Line's keep-alive: an empty frame (directlinejs ignores it)
      void pump(); // also catches up if a bus message was lost
    }, options.keepAliveMs);
    ws.on('pong', () => { alive = true; });
    ws.on('message', () => { alive = true; }); // Web Chat pings with empty messages
    ws.on('close', () => {
      clearInterval(timer);
      void unsubscribe.then((stop) => stop()).catch(() => undefined);
    });
    ws.on('error', (err) => options.logger.debug({ err, conversationId }, 'direct line stream error'));
    void unsubscribe.then(() => pump(), (err: unknown) => {
      options.logger.error({ err, conversationId }, 'direct line stream could not subscribe');
      ws.close(1011);
    });
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://local');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return false;
      const conversationId = decodeURIComponent(match[1]);
      void options.tokens().then((tokens) => {
        const check = tokens.verify(url.searchParams.get('t') ?? '', 'stream');
        if (!check.ok) return refuse(socket, check.status, 'Unauthorized');
        if (check.claims.conv !== conversationId) return refuse(socket, 403, 'Forbidden');
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, conversationId, parseWatermark(url.searchParams.get('watermark') ?? undefined)));
      }).catch(() => refuse(socket, 401, 'Unauthorized'));
      return true;
    },
    disconnectAll() {
      for (const client of wss.clients) client.terminate();
    },
    close() {
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
