// Liveness and readiness: /healthz is 200 once knowledge and NLU are loaded; /readyz also checks storage answers.
import express, { type Router } from 'express';
import type { Logger } from '../logger';
import type { BotStore } from '../ports';

export interface Lifecycle {
  /** True once knowledge is loaded and the NLU trained. */
  isReady(): boolean;
  /** True once shutdown began: load balancers should stop sending traffic. */
  isShuttingDown(): boolean;
}

export interface HealthRouteDeps {
  readonly lifecycle: Lifecycle;
  readonly store: Pick<BotStore, 'ping' | 'kind'>;
  readonly logger: Logger;
  /** How long a storage ping may take before the instance counts as not ready. */
  readonly pingTimeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createHealthRouter(deps: HealthRouteDeps): Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    const ready = deps.lifecycle.isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting' });
  });
  router.get('/readyz', async (_req, res) => {
    if (deps.lifecycle.isShuttingDown()) return void res.status(503).json({ status: 'shutting_down' });
    if (!deps.lifecycle.isReady()) return void res.status(503).json({ status: 'starting' });
    try {
      await withTimeout(deps.store.ping(), deps.pingTimeoutMs ?? 2000);
      res.json({ status: 'ready', storage: deps.store.kind });
    } catch (err) {
      deps.logger.warn({ err }, 'readiness: storage did not answer');
      res.status(503).json({ status: 'unavailable', storage: deps.store.kind });
    }
  });
  return router;
}
