// The real knowledge (./knowledge) for security tests that need its replies, loaded once per test file.
import path from 'node:path';
import { loadKnowledge as load, type Knowledge } from '../../dialogs';

let cached: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  if (cached) return cached;
  const loaded = load(path.join(__dirname, '..', '..', 'knowledge'));
  if (!loaded.ok) throw new Error(`knowledge invalid: ${loaded.problems.length} problems`);
  cached = loaded.knowledge;
  return cached;
}
