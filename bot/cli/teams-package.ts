// `npm run teams:package`: writes dist/teams-app.zip (manifest + icons) for sideloading into Microsoft Teams.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { ManifestConfigError, manifestValuesFromEnv } from '../teams/manifest';
import { buildTeamsPackage, zipTeamsPackage } from '../teams/package';
import { validateTeamsManifest } from '../teams/validate-manifest';

function main(): number {
  loadDotenv({ quiet: true });
  const root = process.cwd();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  try {
    const values = manifestValuesFromEnv(process.env, version);
    const pkg = buildTeamsPackage({ teamsDir: join(root, 'teams'), values });
    const problems = validateTeamsManifest(pkg.manifest);
    if (problems.length > 0) {
      console.error('teams:package: the manifest does not match the Teams schema:');
      for (const problem of problems) console.error(`  ${problem.path}  ${problem.message}`);
      return 1;
    }
    const out = join(root, 'dist', 'teams-app.zip');
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(out, zipTeamsPackage(pkg));
    console.log(`teams:package: wrote ${relative(root, out)} (app ${values.TEAMS_APP_ID}, bot ${values.MicrosoftAppId}, ${values.PUBLIC_HOST})`);
    console.log('Upload it in Teams: Apps › Manage your apps › Upload an app › Upload a custom app.');
    return 0;
  } catch (error) {
    if (error instanceof ManifestConfigError) {
      console.error(`teams:package: cannot build the Teams package:\n  ${error.message.split('\n').join('\n  ')}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
