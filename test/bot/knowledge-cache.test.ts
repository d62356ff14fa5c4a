// The knowledge cache in DATA_DIR: the same knowledge as a full load, reused while nothing changed, never stale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../../dialogs';
import { knowledgeCacheFile, knowledgeCacheKey, loadKnowledgeCached } from '../../bot/knowledge-cache';

const KNOWLEDGE = path.join(__dirname, '../../knowledge');

describe('loadKnowledgeCached', () => {
  let work: string;
  let knowledgeDir: string;
  let dataDir: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-cache-'));
    knowledgeDir = path.join(work, 'knowledge');
    dataDir = path.join(work, 'data');
    fs.cpSync(KNOWLEDGE, knowledgeDir, { recursive: true });
  });
  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('loads the YAML once, then the same frozen knowledge from the cache', () => {
    const first = loadKnowledgeCached(knowledgeDir, dataDir);
    const second = loadKnowledgeCached(knowledgeDir, dataDir);
    expect(first.source).toBe('parsed');
    expect(second.source).toBe('cache');
    const fresh = loadKnowledge(knowledgeDir);
    if (!fresh.ok || !second.result.ok) throw new Error('knowledge should be valid');
    expect(second.result.knowledge).toStrictEqual(fresh.knowledge);
    expect(second.result.files).toEqual(fresh.files);
    expect(Object.isFrozen(second.result.knowledge.flows[0])).toBe(true);
  });

  it('loads the YAML again after a knowledge file changed, and keeps one cache file', () => {
    loadKnowledgeCached(knowledgeDir, dataDir);
    const smalltalk = path.join(knowledgeDir, 'smalltalk.yaml');
    fs.appendFileSync(smalltalk, '\n# edited\n');
    const after = loadKnowledgeCached(knowledgeDir, dataDir);
    expect(after.source).toBe('parsed');
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('knowledge-'))).toHaveLength(1);
  });

  it('never caches invalid knowledge', () => {
    fs.writeFileSync(path.join(knowledgeDir, 'smalltalk.yaml'), 'chek: [');
    const loaded = loadKnowledgeCached(knowledgeDir, dataDir);
    expect(loaded.result.ok).toBe(false);
    expect(fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((f) => f.startsWith('knowledge-')) : []).toEqual([]);
  });

  it('treats an unreadable cache file as a miss', () => {
    const key = knowledgeCacheKey(knowledgeDir);
    if (!key) throw new Error('the key should be computable here');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(knowledgeCacheFile(dataDir, key), '{ half a file');
    const warnings: unknown[] = [];
    const loaded = loadKnowledgeCached(knowledgeDir, dataDir, { warn: (...args: unknown[]) => void warnings.push(args) } as never);
    expect(loaded).toMatchObject({ source: 'parsed', result: { ok: true } });
    expect(warnings).toHaveLength(1);
    expect(loadKnowledgeCached(knowledgeDir, dataDir).source).toBe('cache');
  });
});
