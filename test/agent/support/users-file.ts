// Writes an AGENT_USERS_FILE for tests (YAML, scrypt hashes at a low cost so tests stay fast).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashPassword } from '../../../bot/agent';

export interface TestUser {
  readonly id: string;
  readonly name: string;
  readonly password: string;
  readonly tenant?: string;
}

const CHEAP = { N: 1024, r: 8, p: 1 };

export async function writeUsersFile(dir: string, users: readonly TestUser[]): Promise<string> {
  const file = path.join(dir, 'agents.yaml');
  const lines = ['users:'];
  for (const u of users) {
    lines.push(`  - id: ${u.id}`, `    name: ${JSON.stringify(u.name)}`, `    password: "${await hashPassword(u.password, CHEAP)}"`);
    if (u.tenant) lines.push(`    tenant: ${u.tenant}`);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}
