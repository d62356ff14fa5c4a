// The committed JSON Schemas (schemas/*.schema.json) are exactly what `npm run schemas` generates, and agree with
// the loader: an editor using them accepts the valid knowledge and flags a typo such as `chek:`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { knowledgeJsonSchemas } from '../../dialogs';
import { schemaNameOf } from '../../dialogs/content/kinds';
import { readKnowledgeDir } from '../../dialogs/content/read-dir';
import { brokenFixture, minimalFiles } from './helpers';

const SCHEMAS_DIR = join(__dirname, '..', '..', 'schemas');
const generated = Object.entries(knowledgeJsonSchemas());

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

/** What an editor using the committed schema would say about the file (compiled once per kind). */
function editorCheck(path: string, text: string): boolean {
  const id = `${schemaNameOf(path)}.schema.json`;
  if (!ajv.getSchema(id)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, id), 'utf8')) as object, id);
  return ajv.validate(id, parse(text));
}

const realFiles = readKnowledgeDir(join(__dirname, '..', '..', 'knowledge')).files;

describe('JSON Schemas', () => {
  it('has one committed file per kind and no other', () => {
    const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    expect(files).toEqual(generated.map(([kind]) => `${kind}.schema.json`).sort());
  });

  it.each(generated)('schemas/%s.schema.json matches the zod schema (run `npm run schemas` if not)', (kind, schema) => {
    const committed = readFileSync(join(SCHEMAS_DIR, `${kind}.schema.json`), 'utf8');
    expect(committed).toBe(`${JSON.stringify(schema, null, 2)}\n`);
  });

  const valid = [...minimalFiles().map((f) => ['fixture', f.path, f.text]), ...realFiles.map((f) => ['real', f.path, f.text])];
  it.each(valid)('accepts the %s %s, as the loader does', (_set, path, text) => {
    expect(editorCheck(path, text)).toBe(true);
  });

  it.each([
    ['knowledge/bot.yaml', 'unknown-key.yaml'],
    ['knowledge/packs/x/intents.yaml', 'wrong-type.yaml'],
    ['knowledge/escalation.yaml', 'bad-contact.yaml'],
  ])('rejects %s from broken/%s, as the loader does', (path, fixture) => {
    expect(editorCheck(path, brokenFixture(fixture))).toBe(false);
  });
});
