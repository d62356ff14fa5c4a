// The outbox worker's public surface: the worker, its handlers' error type, backoff and metrics.
export { createOutboxWorker, type OutboxHandler, type OutboxWorker, type OutboxWorkerOptions, type TickResult } from './worker';
export { PermanentDeliveryError, checkHttpStatus, failureReason, isPermanent } from './errors';
export { DEFAULT_BACKOFF, retryBudget, retryDelay, type BackoffOptions } from './backoff';
export { createOutboxMetrics, type OutboxMetrics } from './metrics';
