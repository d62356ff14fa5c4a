// Entity extraction from knowledge.entities: whole-word synonyms (longest wins) and patterns (first capture group).
import { createEntityExtractor, type EntityDef } from '../../dialogs';
import { factEntities, outsideScope } from '../../dialogs/nlu/entities';
import { tinyKnowledge } from './tiny-knowledge';

const extract = createEntityExtractor(tinyKnowledge().entities);

describe('createEntityExtractor', () => {
  it.each([
    ['my icloud backup failed', { backup_target: 'icloud' }],
    ['backing up to I Cloud', { backup_target: 'icloud' }],
    ['backup to my Mac mini fails', { backup_target: 'computer' }],
    ['finder says the iphone could not be backed up', { backup_target: 'computer' }],
    ['machine learning', {}],
    ['updated to iOS 17.2 yesterday', { ios_version: '17.2' }],
    ['ios16 broke it', { ios_version: '16' }],
    ['my iPhone 15 Pro Max on ios 18.0.1 wont back up to icloud', { backup_target: 'icloud', ios_version: '18.0.1', iphone_model: 'iPhone 15 Pro Max' }],
    ['iphone backup failed', {}],
  ])('%j → %j', (text, expected) => {
    expect(extract(text)).toEqual(expected);
  });

  it('prefers the longest synonym', () => {
    const byLength = createEntityExtractor([{ name: 'error_text', values: { full: ['storage is full'], storage: ['storage'] } }]);
    expect(byLength('icloud storage is full')).toEqual({ error_text: 'full' });
  });

  it('escapes synonyms that hold regular-expression characters', () => {
    const special = createEntityExtractor([{ name: 'plan', values: { plus: ['icloud+'] } }]);
    expect(special('i pay for icloud+ already')).toEqual({ plan: 'plus' });
    expect(special('icloud is full')).toEqual({});
  });

  it('reads a named group as the value it names, not the matched text', () => {
    const coded = createEntityExtractor([{ name: 'error_text', values: { link: ['lost link'] }, patterns: ['(?<link>\\b0xe800[0-9a-f]{4}\\b)', 'code (\\d+)'] }]);
    expect(coded('itunes says 0xE8000084 again')).toEqual({ error_text: 'link' });
    expect(coded('it shows code 35')).toEqual({ error_text: '35' });
  });
});

describe('scope entities', () => {
  const defs: EntityDef[] = [
    { name: 'backup_target', values: { icloud: ['icloud'] } },
    { name: 'other_product', scope: 'outside', values: { google: ['google drive'] } },
    { name: 'our_product', scope: 'inside', values: { apple: ['iphone'] } },
    { name: 'other_job', scope: 'apart', values: { restore_from_backup: ['restore from backup'] } },
    { name: 'other_problem', scope: 'aside', values: { device_storage: ['take photos'] } },
    { name: 'subject', fact: false, values: { backup: ['back up'] } },
  ];
  const scope = (text: string) => outsideScope(createEntityExtractor(defs)(text), defs);

  it.each([
    ['google drive is full', 'other_product'],
    ['my iphone backs up to google drive', undefined],
    // Another job stays apart even beside the iPhone's own words.
    ['restore from backup fails on my iphone', 'other_job'],
    ['icloud is full', undefined],
    ['backup failed', undefined],
    // Another problem of our product: off-topic even beside the iPhone, unless backing up or iCloud is named too.
    ['my iphone is full and i cant take photos', 'other_problem'],
    ['my iphone wont back up and i cant take photos', undefined],
    ['icloud is full so i cant take photos', undefined],
  ])('%j → %s', (text, expected) => {
    expect(scope(text)).toBe(expected);
  });

  it('keeps scope markers out of the facts', () => {
    expect(factEntities({ backup_target: 'icloud', other_product: 'google', our_product: 'apple' }, defs)).toEqual({ backup_target: 'icloud' });
  });
});
