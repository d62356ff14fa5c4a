// /healthz and /readyz: starting, ready, storage down or slow, shutting down.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createSilentLogger } from '../../../bot/logger';
import { createHealthRouter } from '../../../bot/routes/health';

const state = { ready: false, shuttingDown: false, ping: async (): Promise<void> => undefined };
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(createHealthRouter({
    lifecycle: { isReady: () => state.ready, isShuttingDown: () => state.shuttingDown },
    store: { kind: 'memory', ping: () => state.ping() },
    logger: createSilentLogger(),
    pingTimeoutMs: 100,
  }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string) => {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: (await res.json()) as unknown };
};

describe('createHealthRouter', () => {
  it('is not healthy or ready until knowledge and NLU are loaded', async () => {
    Object.assign(state, { ready: false, shuttingDown: false });
    expect(await get('/healthz')).toEqual({ status: 503, body: { status: 'starting' } });
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'starting' } });
  });

  it('is healthy and ready once loaded, with storage answering', async () => {
    Object.assign(state, { ready: true, ping: async () => undefined });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready', storage: 'memory' } });
  });

  it.each([
    ['fails', async () => Promise.reject(new Error('down'))],
    ['hangs', () => new Promise<void>(() => undefined)],
  ])('is alive but not ready when storage %s', async (_name, ping) => {
    Object.assign(state, { ready: true, ping });
    expect((await get('/healthz')).status).toBe(200);
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'unavailable', storage: 'memory' } });
  });

  it('is not ready while shutting down', async () => {
    Object.assign(state, { ready: true, shuttingDown: true, ping: async () => undefined });
    expect(await get('/readyz')).toEqual({ status: 503, body: { status: 'shutting_down' } });
  });
});
