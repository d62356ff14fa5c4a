// The HTTP NDJSON sink: every minute, the event-log rows after the last exported one are POSTed to
// ANALYTICS_EXPORT_URL in batches (Content-Type application/x-ndjson, X-Signature: sha256=<hex HMAC of the body>,
// Idempotency-Key: the batch's first and last ids). The cursor lives in the shared store and moves only after a 2xx,
// with an eTag, so a batch is sent until it is taken; with several instances a batch may be sent twice, never lost.
import { createHmac } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Logger } from '../../logger';
import type { AnalyticsStore } from '../types';
import { exportLines, toNdjson } from './ndjson';

export const CURSOR_KEY = 'analytics/export-cursor';

export interface ExporterOptions {
  readonly url: string;
  readonly secret: string;
  readonly analytics: Pick<AnalyticsStore, 'turns'>;
  readonly storage: Storage;
  readonly logger: Logger;
  readonly batchTurns?: number;
  readonly intervalMs?: number;
  readonly fetch?: typeof fetch;
}

export interface Exporter {
  /** Sends every batch waiting now; resolves to how many turns were exported. */
  flush(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createHttpExporter(options: ExporterOptions): Exporter {
  const send = options.fetch ?? fetch;
  const batch = options.batchTurns ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function readCursor(): Promise<{ cursor: string; eTag?: string }> {
    const item = (await options.storage.read([CURSOR_KEY]))[CURSOR_KEY] as { cursor?: string; eTag?: string } | undefined;
    return { cursor: typeof item?.cursor === 'string' ? item.cursor : '', ...(item?.eTag ? { eTag: item.eTag } : {}) };
  }

  async function once(): Promise<number> {
    let exported = 0;
    for (;;) {
      const { cursor, eTag } = await readCursor();
      const { rows } = await options.analytics.turns(cursor, batch);
      if (rows.length === 0) return exported;
      const body = toNdjson(rows.flatMap((r) => exportLines(r.cursor, r.turn)));
      const last = rows[rows.length - 1]?.cursor as string;
      const response = await send(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-ndjson',
          'x-signature': `sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`,
          'idempotency-key': `${rows[0]?.cursor}..${last}`,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      if (!response.ok) throw new Error(`export answered HTTP ${response.status}`);
      // Another instance may have moved the cursor meanwhile: its eTag then differs and this write is refused.
      await options.storage.write({ [CURSOR_KEY]: { cursor: last, eTag: eTag ?? '*' } });
      exported += rows.length;
    }
  }

  const flush = (): Promise<number> =>
    (running ??= once().catch((err: unknown) => {
      options.logger.warn({ err }, 'analytics export failed; will retry');
      return 0;
    }).finally(() => (running = undefined)));

  return {
    flush,
    start() {
      if (!timer) timer = setInterval(() => void flush(), options.intervalMs ?? 60_000).unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
