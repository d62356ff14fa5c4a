// The real knowledge, NLU models (one per language) and engine for tests that start the bot, loaded once per test
// process from a model cache shared by every test file (keyed by the knowledge, by loadBrain itself, and here by the
// loader's and the NLU's source): three languages' training is paid once per machine, not once per file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBrain, type Brain } from '../../bot/brain';
import { createLogger } from '../../bot/logger';

const ROOT = path.join(__dirname, '..', '..');
const SOURCES = ['dialogs/nlu', 'dialogs/content', 'dialogs/language'].map((d) => path.join(ROOT, d));

function sourceKey(): string {
  const hash = createHash('sha256');
  for (const dir of SOURCES) {
    for (const name of readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (statSync(file).isFile()) hash.update(name).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

let brain: Brain | undefined;

export function sharedRealBrain(): Brain {
  brain ??= loadBrain({
    knowledgeDir: path.join(ROOT, 'knowledge'),
    dataDir: path.join(tmpdir(), `backup-bot-brain-${sourceKey()}`),
    logger: createLogger({ level: 'silent' }),
  });
  return brain;
}
