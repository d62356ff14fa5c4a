// The definitions are published once: the README says them word for word as the dashboard and the report show them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COUNTING_NOTES, DEFINITIONS } from '../../bot/analytics/definitions';

const readme = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');

describe('analytics definitions', () => {
  it.each(DEFINITIONS.map((d) => [d.term, d]))('README states "%s" exactly', (_term, d) => {
    expect(readme).toContain(`- **${d.term}**: ${d.text}`);
  });
  it('README lists how we count, note by note', () => {
    for (const note of COUNTING_NOTES) expect(readme).toContain(`- ${note}`);
  });
});
