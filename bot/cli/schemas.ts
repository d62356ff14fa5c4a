// `npm run schemas`: writes schemas/<kind>.schema.json from the zod schemas, for editors' YAML completion and checks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeJsonSchemas } from '../../dialogs';

const outDir = join(__dirname, '..', '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [kind, schema] of Object.entries(knowledgeJsonSchemas())) {
  const file = join(outDir, `${kind}.schema.json`);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
