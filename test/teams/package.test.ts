// The Teams app package: manifest built from the template and env, valid against Microsoft's published schema,
// zipped with both icons at the root; clear errors when the bot id or public URL is missing.
import AdmZip from 'adm-zip';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { buildTeamsManifest, manifestValuesFromEnv } from '../../bot/teams/manifest';
import { buildTeamsPackage, zipTeamsPackage } from '../../bot/teams/package';
import { drawOutlineIcon } from '../../bot/teams/icons';
import { encodePng, readPngHeader } from '../../bot/teams/png';
import { validateTeamsManifest } from '../../bot/teams/validate-manifest';

const BOT_ID = '0b9f3a52-7c1e-4a8e-9d51-2f6c0e8b7a11';
const env = { MicrosoftAppId: BOT_ID, PUBLIC_URL: 'https://bot.example.com/' };
const teamsDir = join(__dirname, '../../teams');
const values = (vars: NodeJS.ProcessEnv = env) => manifestValuesFromEnv(vars, '0.1.0');
const manifestFor = (vars: NodeJS.ProcessEnv = env) => buildTeamsManifest(join(teamsDir, 'manifest.template.json'), values(vars));
// Drawing the icons is the slow part: build the package once for the zip tests.
const pkg = buildTeamsPackage({ teamsDir, values: values() });

/** The RGBA pixels of one of our PNGs (filter type 0 on every row, as encodePng writes). */
function pixels(png: Buffer): Uint8Array {
  const { width, height } = readPngHeader(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) out.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  return out;
}

describe('Teams manifest', () => {
  it('fills in the bot id, app id, version and valid domain from the environment', () => {
    const manifest = manifestFor();
    expect(manifest).toMatchObject({
      manifestVersion: '1.22',
      version: '0.1.0',
      id: BOT_ID,
      developer: { websiteUrl: 'https://bot.example.com', privacyUrl: 'https://bot.example.com', termsOfUseUrl: 'https://bot.example.com' },
      icons: { color: 'color.png', outline: 'outline.png' },
      validDomains: ['bot.example.com'],
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team', 'groupChat'] }],
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('is valid against the Teams manifest JSON Schema from @microsoft/app-manifest', () => {
    expect(validateTeamsManifest(manifestFor())).toEqual([]);
    expect(pkg.manifest).toEqual(manifestFor());
  });

  it('uses TEAMS_APP_ID for the app id when set, keeping the bot id', () => {
    const appId = '5e7d1c22-0000-4000-8000-00000000abcd';
    expect(manifestFor({ ...env, TEAMS_APP_ID: appId })).toMatchObject({ id: appId, bots: [{ botId: BOT_ID }] });
  });

  it('reports schema violations with their path (the validator is not a rubber stamp)', () => {
    const manifest = manifestFor();
    const broken = { ...manifest, id: 'not-a-guid', accentColor: 'blue', name: { short: 'x'.repeat(31) } };
    const paths = validateTeamsManifest(broken).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/id', '/accentColor', '/name/short']));
  });

  it.each([
    ['no MicrosoftAppId', { PUBLIC_URL: 'https://bot.example.com' }, /MicrosoftAppId is not set/],
    ['a MicrosoftAppId that is not a GUID', { ...env, MicrosoftAppId: 'my-bot' }, /MicrosoftAppId must be a GUID/],
    ['no PUBLIC_URL', { MicrosoftAppId: BOT_ID }, /PUBLIC_URL is not set/],
    ['an http PUBLIC_URL', { ...env, PUBLIC_URL: 'http://localhost:3978' }, /PUBLIC_URL must be an https URL/],
  ])('fails clearly with %s', (_name, vars, message) => {
    expect(() => manifestValuesFromEnv(vars, '0.1.0')).toThrow(message);
  });
});

describe('Teams app zip', () => {
  const zip = new AdmZip(zipTeamsPackage(pkg));

  it('holds manifest.json, color.png and outline.png at the root', () => {
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(zip.readAsText('manifest.json'))).toMatchObject({ bots: [{ botId: BOT_ID }] });
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent only', () => {
    const color = zip.readFile('color.png') as Buffer;
    const outline = zip.readFile('outline.png') as Buffer;
    expect(readPngHeader(color)).toEqual({ width: 192, height: 192, colourType: 6 });
    expect(readPngHeader(outline)).toEqual({ width: 32, height: 32, colourType: 6 });
    const px = pixels(outline);
    let [opaque, coloured] = [0, 0];
    for (let i = 0; i < px.length; i += 4) {
      if (px[i] !== 255 || px[i + 1] !== 255 || px[i + 2] !== 255) coloured += 1;
      if (px[i + 3] > 0) opaque += 1;
    }
    expect(coloured).toBe(0);
    expect(opaque).toBeGreaterThan(100); // a visible glyph, not an empty square
    expect(pixels(color)[3]).toBe(255); // the colour icon is opaque
  });

  it('draws the icons the same way every time', () => {
    expect(encodePng(drawOutlineIcon()).equals(pkg.files['outline.png'])).toBe(true);
  });
});
