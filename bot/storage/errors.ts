// The storage error family: an eTag conflict (retry the turn) and "storage unavailable" (apologise, keep going).
export type StorageBackend = 'memory' | 'sqlite' | 'redis';
export type StorageErrorCode = 'ETAG_CONFLICT' | 'STORAGE_UNAVAILABLE';
/** Why storage could not answer: worth a log field, not a different reply to the user. */
export type UnavailableReason = 'timeout' | 'connection' | 'busy' | 'closed' | 'io' | 'outage' | 'unknown';

export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;
  constructor(
    message: string,
    readonly backend: StorageBackend,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A write carried an eTag that is no longer the stored one: someone else wrote first. The message follows botbuilder's
 * convention (`... due to eTag conflict.`), so code written for botbuilder's own stores recognises it too.
 */
export class ETagConflictError extends StorageError {
  readonly code = 'ETAG_CONFLICT';
  override readonly name = 'ETagConflictError';
  constructor(
    readonly key: string,
    backend: StorageBackend,
  ) {
    super(`Storage: error writing "${key}" due to eTag conflict.`, backend);
  }
}

/** The store did not answer in time or at all; nothing was half-written. The edge answers with its apology. */
export class StorageUnavailableError extends StorageError {
  readonly code = 'STORAGE_UNAVAILABLE';
  override readonly name = 'StorageUnavailableError';
  constructor(
    backend: StorageBackend,
    readonly operation: string,
    readonly reason: UnavailableReason,
    options?: { cause?: unknown },
  ) {
    super(`Storage unavailable (${backend} ${operation}: ${reason})${describeCause(options?.cause)}`, backend, options);
  }
}

/** True for our conflicts and for botbuilder's own stores' (`Error('... eTag conflict ...')`). */
export function isETagConflict(err: unknown): boolean {
  return err instanceof ETagConflictError || (err instanceof Error && /etag conflict/i.test(err.message));
}

export function isStorageUnavailable(err: unknown): err is StorageUnavailableError {
  return err instanceof StorageUnavailableError;
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? `: ${cause.message}` : '';
}
