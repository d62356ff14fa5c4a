// Redis for tests: REDIS_URL if set, else a private redis-server on a free port; loud skip (or CI failure) if neither.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

const DEADLINE_MS = 10_000;

/** Where a test can get Redis, decided synchronously so a suite can declare itself before Jest collects tests. */
export type RedisSource = { kind: 'url'; url: string } | { kind: 'binary'; binary: string } | { kind: 'none'; reason: string };

/** REDIS_SERVER_BIN names the binary; `REDIS_SERVER_BIN=none` pretends there is none (to see the loud skip). */
export function findRedisServerBinary(): string | undefined {
  if (process.env.REDIS_SERVER_BIN === 'none') return undefined;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  const candidates = [process.env.REDIS_SERVER_BIN, ...dirs.map((dir) => path.join(dir, 'redis-server'))];
  return candidates.find((file): file is string => !!file && fs.existsSync(file));
}

export function redisSource(): RedisSource {
  if (process.env.REDIS_URL) return { kind: 'url', url: process.env.REDIS_URL };
  const binary = findRedisServerBinary();
  if (binary) return { kind: 'binary', binary };
  return { kind: 'none', reason: 'REDIS_URL is not set and no redis-server binary is on PATH (apt-get install redis-server)' };
}

/** A describe needing what this machine may lack (`missing` says what): a loud skip here, a failure under CI=true. */
export function describeIfAvailable(name: string, missing: string | undefined, body: () => void): void {
  if (missing === undefined) return describe(name, body);
  if (process.env.CI === 'true') {
    describe(name, () => it('has what it needs under CI', () => {
      throw new Error(`${name}: ${missing}`);
    }));
    return;
  }
  console.warn(`\n!!! SKIPPED: "${name}" — ${missing}. Under CI=true this fails instead.\n`);
  describe.skip(name, body);
}

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops the process (SIGTERM, or SIGKILL for a crash) and waits for it to exit (the "Redis stopped" fault). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port: empty, unless started `durable` (then with everything written before). */
  start(): Promise<void>;
}

export interface StartOptions {
  /** A one-node Redis Cluster owning all 16384 slots: cross-slot commands fail exactly as on a real cluster. */
  readonly cluster?: boolean;
  /** Append-only file fsynced on every write, kept across stop/start (even SIGKILL): a Redis restart loses nothing. */
  readonly durable?: boolean;
}

/** Starts a private server on a free port (a port taken between probe and bind is retried with another). */
export async function startRedisServer(binary: string, options: StartOptions = {}): Promise<RedisServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(binary, await freePort(), options);
    } catch (err) {
      if (attempt >= 3 || !/already in use/i.test(String(err))) throw err;
    }
  }
}

async function startOn(binary: string, port: number, options: StartOptions): Promise<RedisServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-redis-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const aof = options.durable ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...aof, '--dir', dir];
  // announce-ip: a lone node doesn't know its own address and would advertise its slots as served by ''.
  if (options.cluster) args.push('--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-announce-ip', '127.0.0.1');

  const server: RedisServer = {
    url,
    port,
    async start() {
      fs.rmSync(path.join(dir, 'nodes.conf'), { force: true });
      child = await launch(binary, args);
      await untilPong(url);
      if (options.cluster) await claimAllSlots(url);
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill(signal);
      const timer = setTimeout(() => running.kill('SIGKILL'), DEADLINE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  await server.start();
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves when redis-server says it is ready; rejects if it exits first (port taken, bad flag) or takes too long. */
function launch(binary: string, args: readonly string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`redis-server ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${DEADLINE_MS} ms`), DEADLINE_MS);
    child.once('error', (err) => fail(`could not start (${err.message})`)).once('exit', (code) => fail(`exited with ${code}`));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/.test(output)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.stdout?.removeAllListeners('data').resume();
        child.stderr?.resume();
        resolve(child);
      }
    });
  });
}

const untilPong = (url: string): Promise<void> => until(url, async (redis) => (await redis.ping()) === 'PONG');

async function claimAllSlots(url: string): Promise<void> {
  const admin = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  } finally {
    admin.disconnect();
  }
  await until(url, async (redis) => /cluster_state:ok/.test(String(await redis.call('CLUSTER', 'INFO'))));
}

/** Polls a condition (bounded deadline) through throwaway connections that never retry on their own. */
async function until(url: string, ok: (redis: Redis) => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    redis.on('error', () => undefined);
    const done = await redis.connect().then(() => ok(redis), () => false).catch(() => false);
    redis.disconnect();
    if (done) return;
    if (Date.now() > deadline) throw new Error(`redis at ${url}: condition not met within ${DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
