// `npm run agent:password`: prints the scrypt hash of a password for AGENT_USERS_FILE. The password is read from
// standard input (`printf %s 'secret' | npm run -s agent:password`), so it stays out of the shell history.
import { hashPassword } from './password';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const password = await readStdin();
  if (password.length < 8) {
    process.stderr.write('A password needs at least 8 characters.\n');
    process.exit(1);
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

void main();
