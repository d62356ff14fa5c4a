// Agent passwords, hashed with node:crypto scrypt: `scrypt$N$r$p$<salt, base64>$<hash, base64>`. The cost parameters
// travel with each hash, so they can be raised later without invalidating older ones.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
/** 2^15 × r=8 uses 32 MiB and takes ~50–100 ms here: slow for guessing, fine for a login. */
export const DEFAULT_COST = { N: 32768, r: 8, p: 1 } as const;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keylen, { ...options, maxmem: 256 * (options.N ?? 16384) * (options.r ?? 8) }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost: { N: number; r: number; p: number } = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEY_LENGTH, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Why a stored hash cannot be used, or undefined when it can (checked when the users file is loaded). */
export function hashProblem(stored: string): string | undefined {
  if (/^\$2[abxy]\$/.test(stored)) return 'bcrypt hashes are not supported: hash the password with `npm run agent:password` (scrypt)';
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return 'expected scrypt$N$r$p$salt$hash (see `npm run agent:password`)';
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0 || !Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1) return 'bad scrypt cost parameters';
  if (Buffer.from(parts[5], 'base64').length < 16) return 'the hash is too short';
  return undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (hashProblem(stored)) return false;
  const [, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}
