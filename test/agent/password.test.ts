// Agent passwords: scrypt hashes that carry their cost, checked in constant time; what a users file may not hold;
// and `npm run agent:password`, which reads the password from standard input.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { hashPassword, hashProblem, verifyPassword } from '../../bot/agent';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('agent passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse', CHEAP);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse!', stored)).resolves.toBe(false);
    expect(await hashPassword('correct horse', CHEAP)).not.toBe(stored); // salted
  });

  it.each([
    ['$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', /bcrypt hashes are not supported/],
    ['plain-text-password', /expected scrypt\$N\$r\$p\$salt\$hash/],
    ['scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==', /bad scrypt cost/],
    ['scrypt$1024$8$1$c2FsdA==$aGFzaA==', /too short/],
  ])('refuses the stored value %s', async (stored, problem) => {
    expect(hashProblem(stored)).toMatch(problem);
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
  });

  it('npm run agent:password prints a hash of the password read from stdin', async () => {
    const root = path.resolve(__dirname, '../..');
    const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['bot/agent/password-cli.ts'], { cwd: root, input: 'a long passphrase\n', encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    const hash = run.stdout.trim();
    expect(hashProblem(hash)).toBeUndefined();
    await expect(verifyPassword('a long passphrase', hash)).resolves.toBe(true);
  });
});
