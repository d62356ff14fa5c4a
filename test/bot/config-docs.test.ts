// Every environment variable the config parser reads is documented: a row in the README's table and a line in
// .env.example (set or commented out), so a new setting (a retention period, a token) cannot ship undocumented.
import fs from 'node:fs';
import path from 'node:path';
import { EnvSchema } from '../../bot/config-schema';

const ROOT = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');

describe('configuration documentation', () => {
  it.each(Object.keys(EnvSchema.shape))('documents %s in the README and .env.example', (name) => {
    expect(readme).toContain(`\`${name}\``);
    expect(example).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
  });
});
