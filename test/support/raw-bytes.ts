// Raw-byte scans of a directory: which files hold a byte sequence (a marker phrase a user typed), whatever the format.
import fs from 'node:fs';
import path from 'node:path';

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}

/** The files under `dir` whose bytes contain `needle` (UTF-8), as paths relative to `dir`. */
export function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return filesUnder(dir).filter((file) => fs.readFileSync(file).includes(bytes)).map((file) => path.relative(dir, file));
}
