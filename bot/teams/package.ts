// Assembles the Teams app package: manifest.json plus the two icons, zipped as Teams expects (files at the root).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { drawColorIcon, drawOutlineIcon } from './icons';
import { buildTeamsManifest, type ManifestValues } from './manifest';
import { encodePng } from './png';

export interface TeamsPackageOptions {
  /** Folder holding manifest.template.json and, optionally, color.png / outline.png that replace the drawn icons. */
  readonly teamsDir: string;
  readonly values: ManifestValues;
}

export interface TeamsPackage {
  readonly manifest: Record<string, unknown>;
  readonly files: Readonly<Record<'manifest.json' | 'color.png' | 'outline.png', Buffer>>;
}

function icon(teamsDir: string, name: string, draw: () => Buffer): Buffer {
  const custom = join(teamsDir, name);
  return existsSync(custom) ? readFileSync(custom) : draw();
}

export function buildTeamsPackage(options: TeamsPackageOptions): TeamsPackage {
  const manifest = buildTeamsManifest(join(options.teamsDir, 'manifest.template.json'), options.values);
  return {
    manifest,
    files: {
      'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
      'color.png': icon(options.teamsDir, 'color.png', () => encodePng(drawColorIcon())),
      'outline.png': icon(options.teamsDir, 'outline.png', () => encodePng(drawOutlineIcon())),
    },
  };
}

/** The zip Teams sideloads: the three files at the root of the archive, no folders. */
export function zipTeamsPackage(pkg: TeamsPackage): Buffer {
  const zip = new AdmZip();
  for (const [name, data] of Object.entries(pkg.files)) zip.addFile(name, data);
  return zip.toBuffer();
}
