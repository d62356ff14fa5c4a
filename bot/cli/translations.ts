// `npm run translations`: what each locale still lacks (missing, stale, new, orphaned translations), and
// `npm run translations -- stamp <lang> [--stale]`: writes the English hash (`en:`) into translations marked `en: new`
// (with --stale, also into stale ones: say so only once their text follows the English again). Comments are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMap, parseDocument } from 'yaml';
import { formatProblem, loadKnowledge, translationStamps } from '../../dialogs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { stale: { type: 'boolean', default: false } } });
const dir = process.env.KNOWLEDGE_DIR ?? './knowledge';

function report(): number {
  const result = loadKnowledge(dir);
  if (!result.ok) {
    result.problems.forEach((p) => console.error(formatProblem(p)));
    return 1;
  }
  for (const w of result.warnings) console.log(formatProblem(w));
  for (const [lang, k] of Object.entries(result.languages)) {
    const mine = result.warnings.filter((w) => w.file.includes(`/locales/${lang}/`));
    const count = (word: string) => mine.filter((w) => w.message.startsWith(word)).length;
    const state = k.language?.spoken === false ? 'notices only' : `${k.untranslated?.length ?? 0} texts in English`;
    console.log(`${lang}: ${count('missing')} missing, ${count('stale')} stale, ${count('new')} not stamped, ${count('no English')} orphaned (${state})`);
  }
  return 0;
}

function stamp(lang: string): number {
  const { stamps, problems } = translationStamps(dir, lang, { stale: values.stale === true });
  if (problems.length > 0) {
    problems.forEach((p) => console.error(formatProblem(p)));
    return 1;
  }
  const root = dirname(resolve(dir));
  for (const file of [...new Set(stamps.map((s) => s.file))]) {
    const path = join(root, file);
    const doc = parseDocument(readFileSync(path, 'utf8'));
    for (const s of stamps.filter((x) => x.file === file)) {
      const node = doc.getIn(s.path, true);
      if (isMap(node)) node.set('en', s.hash);
      console.log(`${file}  ${s.path.join('.')}  en: ${s.was ?? '(none)'} → ${s.hash}`);
    }
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
  }
  console.log(`${stamps.length} translation(s) stamped`);
  return 0;
}

process.exitCode = positionals[0] === 'stamp' && positionals[1] ? stamp(positionals[1]) : report();
