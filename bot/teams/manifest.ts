// Builds the Teams app manifest from teams/manifest.template.json and the environment (bot id, public URL).
// The template holds the words (names, descriptions, commands); this file fills in only the deployment values.
import { readFileSync } from 'node:fs';
import { accentHex } from './icons';

/** The values the template may reference as `${{NAME}}`. */
export interface ManifestValues {
  readonly MicrosoftAppId: string;
  readonly TEAMS_APP_ID: string;
  readonly PUBLIC_URL: string;
  readonly PUBLIC_HOST: string;
  readonly TEAMS_PRIVACY_URL: string;
  readonly TEAMS_TERMS_URL: string;
  readonly VERSION: string;
  readonly ACCENT_COLOR: string;
}

export class ManifestConfigError extends Error {
  readonly code = 'TEAMS_MANIFEST_CONFIG';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function httpsUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ManifestConfigError(`${name} must be an https URL, got "${value}"`, { cause: error });
  }
  if (url.protocol !== 'https:') throw new ManifestConfigError(`${name} must be an https URL (Teams only calls https), got "${value}"`);
  return url;
}

/** Reads and checks the deployment values; every problem is reported at once, naming the variable to set. */
export function manifestValuesFromEnv(env: NodeJS.ProcessEnv, version: string): ManifestValues {
  const problems: string[] = [];
  const appId = env.MicrosoftAppId?.trim() ?? '';
  if (!appId) problems.push('MicrosoftAppId is not set: use the Microsoft App ID of your Azure Bot registration');
  else if (!GUID.test(appId)) problems.push(`MicrosoftAppId must be a GUID, got "${appId}"`);
  const teamsAppId = env.TEAMS_APP_ID?.trim() || appId;
  if (teamsAppId && !GUID.test(teamsAppId)) problems.push(`TEAMS_APP_ID must be a GUID, got "${teamsAppId}"`);
  const publicUrl = env.PUBLIC_URL?.trim() ?? '';
  let url: URL | undefined;
  if (!publicUrl) problems.push('PUBLIC_URL is not set: use the https address where this bot is reachable, e.g. https://bot.example.com');
  else {
    try {
      url = httpsUrl('PUBLIC_URL', publicUrl);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length > 0) throw new ManifestConfigError(problems.join('\n'));
  const base = url!.toString().replace(/\/$/, '');
  const privacy = env.TEAMS_PRIVACY_URL?.trim() || base;
  const terms = env.TEAMS_TERMS_URL?.trim() || base;
  httpsUrl('TEAMS_PRIVACY_URL', privacy);
  httpsUrl('TEAMS_TERMS_URL', terms);
  return {
    MicrosoftAppId: appId,
    TEAMS_APP_ID: teamsAppId,
    PUBLIC_URL: base,
    PUBLIC_HOST: url!.host,
    TEAMS_PRIVACY_URL: privacy,
    TEAMS_TERMS_URL: terms,
    VERSION: version,
    ACCENT_COLOR: accentHex(),
  };
}

/** Fills `${{NAME}}` placeholders in every string of the template; an unknown name is an error, not left in. */
export function fillTemplate(template: unknown, values: ManifestValues): unknown {
  if (typeof template === 'string') {
    return template.replace(/\$\{\{(\w+)\}\}/g, (_match, name: string) => {
      if (!(name in values)) throw new ManifestConfigError(`teams manifest template uses an unknown value \${{${name}}}`);
      return values[name as keyof ManifestValues];
    });
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, values));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fillTemplate(value, values)]));
  }
  return template;
}

export function buildTeamsManifest(templatePath: string, values: ManifestValues): Record<string, unknown> {
  const template: unknown = JSON.parse(readFileSync(templatePath, 'utf8'));
  return fillTemplate(template, values) as Record<string, unknown>;
}
