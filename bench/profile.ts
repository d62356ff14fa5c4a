// Reads a V8 `.cpuprofile` (node --cpu-prof) and says where the bot's CPU went: self time by owner (our bot/ and
// dialogs/ files, each npm package, node internals, GC, idle), so "what dominates" is a table, not a guess.
import fs from 'node:fs';
import { round } from './stats';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  readonly busyMs: number;
  readonly groups: readonly { readonly group: string; readonly percent: number }[];
  readonly shares: readonly ProfileShare[];
}

export interface ProfileShare {
  readonly owner: string;
  /** Share of the busy (non-idle) samples, in percent. */
  readonly percent: number;
  readonly topFunctions: readonly string[];
}

/** Who owns a frame: `bot/<file>`, `dialogs/<dir>`, an npm package, `node:<module>`, or V8's own pseudo-frames. */
export function ownerOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName.replace(/[()]/g, '') || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const ours = /\/(?:dist\/)?(bot|dialogs|bench)\/(.+?)\.(?:js|ts)$/.exec(url);
  if (ours) return ours[1] === 'dialogs' ? `dialogs/${ours[2].split('/')[0]}` : `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return url;
}

/** A window of the profile in CLOCK_MONOTONIC µs (V8's profile clock, also `process.hrtime`), e.g. the load only. */
export interface ProfileWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** Monotonic µs now, on the clock V8 stamps profile samples with. */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

/** Coarse groups, so the question "is it ours or the framework's?" has a one-line answer. */
export function groupOf(owner: string): string {
  if (/^(bot|dialogs)\//.test(owner)) return 'ours (bot/, dialogs/)';
  if (/^(botbuilder|botframework-|@azure\/|@typespec\/|botbuilder-|adaptivecards|jsonwebtoken|jwks-rsa|axios)/.test(owner)) return 'Bot Framework SDK (botbuilder, connector, azure core)';
  if (/^(express|router|body-parser|raw-body|iconv-lite|qs|send|serve-static|finalhandler|type-is|content-type|on-finished|debug|helmet|express-rate-limit)$/.test(owner)) return 'express';
  if (/^(better-sqlite3|ioredis|@ioredis\/)/.test(owner)) return 'storage drivers';
  if (/^(pino|sonic-boom|fast-redact|quick-format-unescaped|thread-stream|atomic-sleep|on-exit-leak-free)/.test(owner)) return 'logging (pino)';
  if (/^(prom-client|tdigest|bintrees)$/.test(owner)) return 'metrics (prom-client)';
  if (/^zod$/.test(owner)) return 'zod';
  if (owner === '(garbage collector)') return 'GC';
  if (/^node:|^\(/.test(owner)) return 'node & V8 (HTTP, streams, promises, I/O)';
  return 'other packages';
}

export function summarizeProfile(file: string, window?: ProfileWindow, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return; // start-up and shutdown are not the load
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const owners = new Map<string, { us: number; functions: Map<string, number> }>();
  const groups = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    busyUs += us;
    const owner = ownerOf(node.callFrame.url, node.callFrame.functionName);
    groups.set(groupOf(owner), (groups.get(groupOf(owner)) ?? 0) + us);
    const entry = owners.get(owner) ?? { us: 0, functions: new Map<string, number>() };
    entry.us += us;
    const fn = node.callFrame.functionName || '(anonymous)';
    entry.functions.set(fn, (entry.functions.get(fn) ?? 0) + us);
    owners.set(owner, entry);
  }
  const shares = [...owners]
    .sort((a, b) => b[1].us - a[1].us)
    .slice(0, top)
    .map(([owner, e]) => ({
      owner,
      percent: round((100 * e.us) / Math.max(1, busyUs), 1),
      topFunctions: [...e.functions].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([fn, us]) => `${fn} ${round((100 * us) / Math.max(1, busyUs), 1)}%`),
    }));
  const share = (us: number): number => round((100 * us) / Math.max(1, busyUs), 1);
  return { busyMs: round(busyUs / 1000, 0), groups: [...groups].sort((a, b) => b[1] - a[1]).map(([group, us]) => ({ group, percent: share(us) })), shares };
}
