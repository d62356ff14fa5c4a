// Validates a Teams app manifest against Microsoft's published JSON Schema for its manifestVersion.
// The schemas ship in the npm package @microsoft/app-manifest (a dev dependency): packaging is a development task.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export interface ManifestProblem {
  readonly path: string;
  readonly message: string;
}

/** Where the schema for a manifest version lives, e.g. `1.22` → …/teams/v1.22/MicrosoftTeams.schema.json. */
export function teamsSchemaPath(manifestVersion: string): string {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const path = join(root, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(path)) throw new Error(`no Teams manifest schema for version ${manifestVersion} in @microsoft/app-manifest (${path})`);
  return path;
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction {
  let validate = compiled.get(version);
  if (!validate) {
    const schema: unknown = JSON.parse(readFileSync(teamsSchemaPath(version), 'utf8'));
    // The schemas are draft-04 and use a few formats ajv does not know; strict mode off so those are ignored, not fatal.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema as object);
    compiled.set(version, validate);
  }
  return validate;
}

/** Every schema violation, as `path message`; empty when the manifest is valid. */
export function validateTeamsManifest(manifest: Record<string, unknown>): ManifestProblem[] {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return [{ path: '/manifestVersion', message: 'must be a string such as "1.22"' }];
  const validate = validatorFor(version);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => ({
    path: error.instancePath || '/',
    message: `${error.message ?? 'is invalid'}${error.params && 'allowedValue' in error.params ? ` (${String(error.params.allowedValue)})` : ''}`,
  }));
}
