// How a delivery failed: a permanent failure (a 4xx, a malformed item) is never retried; anything else is.
export class PermanentDeliveryError extends Error {
  readonly code = 'DELIVERY_PERMANENT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

/** True when retrying cannot help: the item goes straight to `dead`. */
export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentDeliveryError;
}

/** A short, log-safe reason for an item's `lastError` (no stack, bounded length). */
export function failureReason(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/**
 * An HTTP answer as a delivery outcome: 2xx delivered; 408, 429 and 5xx retried (the service is busy or down);
 * every other status is permanent (our request is wrong, and sending it again would not change that).
 */
export function checkHttpStatus(status: number, what: string, detail = ''): void {
  if (status >= 200 && status < 300) return;
  const message = `${what} answered HTTP ${status}${detail ? `: ${detail.slice(0, 200)}` : ''}`;
  if (status === 408 || status === 429 || status >= 500) throw new Error(message);
  throw new PermanentDeliveryError(message);
}
