// GET /metrics: the bot's Prometheus registry in the text exposition format.
import express, { type Router } from 'express';
import type { Metrics } from '../metrics';

export interface MetricsRouteDeps {
  readonly metrics: Pick<Metrics, 'registry'>;
}

export function createMetricsRouter(deps: MetricsRouteDeps): Router {
  const router = express.Router();
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
