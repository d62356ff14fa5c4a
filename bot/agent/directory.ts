// Who may use the agent inbox: one shared AGENT_TOKEN (the agent gives a display name), and/or the users of
// AGENT_USERS_FILE (JSON or YAML: id, name, scrypt password hash, optional tenant). Loaded and checked at start.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { InboxAgent } from '../handoff';
import { DEFAULT_COST, hashPassword, hashProblem, verifyPassword } from './password';

const User = z.object({
  id: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(60),
  password: z.string().min(1),
  tenant: z.string().trim().min(1).max(200).optional(),
}).strict();
const UsersFile = z.object({ users: z.array(User).min(1) }).strict();
type User = z.infer<typeof User>;

export type LoginRequest = { readonly token: string; readonly name?: string } | { readonly username: string; readonly password: string };

export interface AgentDirectory {
  readonly enabled: boolean;
  readonly methods: readonly ('token' | 'password')[];
  /** The agent for these credentials, or undefined. Takes about as long whether or not the user exists. */
  verify(login: LoginRequest): Promise<InboxAgent | undefined>;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
const slug = (name: string): string => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'agent';

/** Reads and checks the users file; throws an Error naming the file and every problem. */
export function loadUsersFile(file: string): readonly User[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`AGENT_USERS_FILE ${file}: cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = UsersFile.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const users = parsed.success ? parsed.data.users : [];
  users.forEach((u, i) => {
    const problem = hashProblem(u.password);
    if (problem) problems.push(`users.${i}.password: ${problem}`);
  });
  const ids = users.map((u) => u.id);
  ids.forEach((id, i) => ids.indexOf(id) !== i && problems.push(`users.${i}.id: "${id}" appears twice`));
  if (problems.length > 0) throw new Error(`AGENT_USERS_FILE ${file} is invalid:\n  ${problems.join('\n  ')}`);
  return users;
}

export function createAgentDirectory(options: { token?: string; usersFile?: string }): AgentDirectory {
  const users = options.usersFile ? loadUsersFile(options.usersFile) : [];
  const tokenDigest = options.token ? digest(options.token) : undefined;
  // Compared against when the user is unknown, so a wrong name costs as much time as a wrong password.
  let decoy: Promise<string> | undefined;
  const methods = [...(tokenDigest ? (['token'] as const) : []), ...(users.length ? (['password'] as const) : [])];
  return {
    enabled: methods.length > 0,
    methods,
    async verify(login) {
      if ('token' in login) {
        if (!tokenDigest || !timingSafeEqual(digest(login.token), tokenDigest)) return undefined;
        const name = (login.name ?? '').trim().slice(0, 60) || 'Agent';
        return { id: `token:${slug(name)}`, name };
      }
      const user = users.find((u) => u.id === login.username);
      decoy ??= hashPassword('not a password', DEFAULT_COST);
      const ok = await verifyPassword(login.password, user?.password ?? (await decoy));
      return user && ok ? { id: user.id, name: user.name, ...(user.tenant ? { tenant: user.tenant } : {}) } : undefined;
    },
  };
}
