// The published results, read from the benchmark READMEs' markdown tables at run time (never copied into the repo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** The first markdown table whose first header cell is `firstColumn` (case-insensitive). */
export function readTable(markdown: string, firstColumn: string): Table | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('|') && cells(l)[0]?.toLowerCase() === firstColumn.toLowerCase());
  if (start < 0) return undefined;
  const header = cells(lines[start] as string);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(cells(line));
  }
  return { header, rows };
}

export function publishedTable(benchmarkDir: string, firstColumn: string): Table {
  const table = readTable(readFileSync(join(benchmarkDir, 'README.md'), 'utf8'), firstColumn);
  if (!table) throw new Error(`${benchmarkDir}/README.md has no table starting with "${firstColumn}"`);
  return table;
}

/** Plain-text rendering with aligned columns. */
export function formatTable(table: Table): string {
  const all = [table.header, ...table.rows];
  const widths = table.header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line(table.header), widths.map((w) => '-'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}
