// Masking: versions, models and error codes are read as if absent, in training and when classifying.
import { join } from 'node:path';
import { loadKnowledge, trainUnderstander, type EntityDef, type Knowledge } from '../../dialogs';
import { createMasker } from '../../dialogs/nlu/mask';
import { tinyKnowledge } from './tiny-knowledge';

const defs: EntityDef[] = [
  { name: 'ios_version', mask: true, patterns: ['\\b(?:ios|os)[\\s-]*(?:version\\s*)?(\\d{1,2}(?:\\.\\d{1,2}){0,2})(?:\\s*beta(?:\\s*\\d{1,2})?)?\\b'] },
  { name: 'iphone_model', mask: true, patterns: ['\\biphone\\s*(?:1[0-7]|[3-9])(?:\\s*(?:pro\\s*max|pro|plus|mini))?\\b'] },
  { name: 'error_code', mask: true, patterns: ['(?<=\\b(?:error\\s*code|errorcode|error|code)\\s*[:=]?\\s*)-?\\d{1,6}\\b', '\\b0x[0-9a-f]{6,8}\\b'] },
  { name: 'tool', mask: true, values: { imazing: ['i maze'] } },
  { name: 'backup_target', values: { icloud: ['icloud'] } },
];

describe('createMasker', () => {
  const mask = createMasker(defs);
  const words = (text: string) => mask(text).split(/\s+/).filter((w) => w !== '').join(' ');

  it.each([
    ['iPhone 13 Pro on iOS 17.6.1 the backup fails', 'on the backup fails'],
    ['since iOS 18.1 beta 2 icloud backup stopped', 'since icloud backup stopped'],
    ["os version 17, error code -1 on backup", ", error code on backup"],
    ['iTunes says 0xE8000084', 'iTunes says'],
    ['imazing and i maze', 'and'],
  ])('%j → %j (the words around stay)', (text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it('leaves text alone when no entity is masked', () => {
    expect(createMasker([{ name: 'backup_target', values: { icloud: ['icloud'] } }])('iOS 17 icloud')).toBe('iOS 17 icloud');
  });
});

describe('an understander with masked entities', () => {
  const tiny = tinyKnowledge();
  const update = {
    name: 'ios_update', label: 'ios_update', source: { file: 'knowledge/test.yaml', line: 1 },
    examples: ['update to ios 18', 'ios 17 update', 'should i update ios 17.5', 'ios 16', 'ios 18.1 beta', 'is ios 17 ok',
      'software update failed', 'install the latest ios', 'update my iphone', 'upgrade ios', 'new ios version', 'the update broke it'],
  };
  const base: Knowledge = { ...tiny, intents: [...tiny.intents, update], entities: [...tiny.entities.filter((e) => e.name !== 'ios_version'), defs[0] as EntityDef] };
  const masked = trainUnderstander({ ...base, hash: 'masked' });
  const plain = trainUnderstander({ ...base, hash: 'plain', entities: base.entities.map(({ mask: _m, ...e }) => e) });

  it('reads a problem told with its iOS version as that problem, not as an update', () => {
    const text = 'no wifi on ios 17.6.1';
    expect(plain.classify(text).intent).toBe('ios_update'); // what masking fixes
    expect(masked.classify(text).intent).toBe('wifi_problem');
    expect(masked.classify(text).entities).toMatchObject({ ios_version: '17.6.1' }); // still a fact for the handoff
  });

  it('still hears an update where the words around the version say so', () => {
    expect(masked.classify('should i update to ios 18').intent).toBe('ios_update');
  });
});

describe('the knowledge\'s masking of other programs\' updates', () => {
  const loaded = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
  if (!loaded.ok) throw new Error('knowledge/ is invalid');
  const mask = createMasker(loaded.knowledge.entities);
  const words = (text: string) => mask(text).split(/\s+/).filter((w) => w !== '').join(' ');

  it.each([
    ['after updating to macOS Sonoma itunes lost my iphone', 'after itunes lost my iphone'],
    ['the latest version of the app makes the backup huge', 'makes the backup huge'],
    ['since the app update my backup fails', 'since my backup fails'],
    // Encryption said as a setting is context too; a forgotten password still says "password".
    ['Backup will be encrypted. then it crashes', 'Backup . then it crashes'],
    ['my not encrypted backup fails', 'my backup fails'],
    ['forgot the password of my encrypted backup', 'forgot the password of my encrypted backup'],
    // The computer's own tools and libraries, updated or built.
    ['after upgrading libplist the backup aborts', 'after the backup aborts'],
    ['i built libimobiledevice myself and the backup fails', 'i myself and the backup fails'],
  ])('%j → %j (another program\'s update is context)', (text, expected) => {
    expect(words(text)).toBe(expected);
  });

  it.each(['backup fails since the update', 'after updating my iphone the backup fails'])('%j keeps the iPhone\'s own update', (text) => {
    expect(mask(text)).toContain('updat');
  });
});

describe('a failed backup told with its iOS version (the knowledge)', () => {
  const loaded = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
  if (!loaded.ok) throw new Error('knowledge/ is invalid');
  const nlu = trainUnderstander(loaded.knowledge);

  it.each([
    'my iphone is on the newest version of ios and the backup fails',
    'upgraded libusbmuxd on my linux box and now the iphone backup aborts with an error',
  ])('%j is the failure, not the update', (text) => {
    expect(nlu.classify(text).intent).not.toBe('ios_update');
  });

  it.each([
    'backup fails since the update',
    'my backup keeps failing, i think it is the ios version',
    'should i update ios, my backup failed',
    // The update told without "since", and an old iOS asked about as the reason.
    'i updated my iphone today and now the icloud backup fails',
    'my iphone runs ios 14, could that be the reason my backup fails',
  ])('%j is still the update', (text) => {
    expect(nlu.classify(text).intent).toBe('ios_update');
  });
});

describe('a backup told by its size (the knowledge)', () => {
  const loaded = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));
  if (!loaded.ok) throw new Error('knowledge/ is invalid');
  const nlu = trainUnderstander(loaded.knowledge);

  it.each([
    'a maps app puts 3 gb of map data into my iphone icloud backup',
    'my iphone icloud backup: the podcast app uses 900mb, is that normal',
  ])('%j is a backup too big', (text) => {
    expect(nlu.classify(text).intent).toBe('backup_too_big');
  });

  it('starts a backup a DNS or ad filter blocks at the network\'s fix', () => {
    expect(nlu.classify('since i set up pi-hole my iphone is not able to back up to icloud').intent).toBe('wifi_problem');
  });

  it('turns away syncing music with a computer, another job than a backup', () => {
    expect(nlu.classify('itunes says my iphone cannot be synced when i add music')).toMatchObject({ intent: 'unknown', outside: 'other_job' });
  });

  it('turns away another device with nothing of ours named, and keeps it beside the iPhone', () => {
    expect(nlu.classify('how do i factory reset the tv')).toMatchObject({ intent: 'unknown', outside: 'other_product' });
    expect(nlu.classify('my iphone backup to the nas drive fails').outside).toBeUndefined();
  });

  it('turns away another product\'s restore question, and answers ours', () => {
    expect(nlu.classify('forgot my crypto wallet recovery phrase, can i restore it from a backup')).toMatchObject({ intent: 'unknown', outside: 'other_job' });
    expect(nlu.classify('how do i restore from a backup').intent).toBe('restore_from_backup');
  });

  it('keeps a backup over mobile data', () => {
    expect(nlu.classify('my iphone backup over mobile data fails').intent).toBe('cellular_backup');
  });
});
