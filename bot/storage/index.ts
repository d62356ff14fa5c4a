// The storage layer's public surface: stores, the factory that picks one, and the storage error family.
export * from './errors';
export { ANY_ETAG } from './store-items';
export { createStore, type CreateStoreOptions } from './create-store';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './memory-store';
export { createSqliteStore, DEFAULT_SQLITE_FILE, type SqliteStoreOptions } from './sqlite-store';
export { createRedisStore, DEFAULT_REDIS_PREFIX, type RedisStoreOptions } from './redis-store';
