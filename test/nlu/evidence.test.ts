// Domain evidence: a message the classifier left unknown that names our product, the subject and a failure is ours.
import type { Decision } from '../../dialogs/nlu/decide';
import { fromEvidence, noNetwork, offSubject, STORY_WORDS, versionAsContext, type EvidenceModel } from '../../dialogs/nlu/evidence';
import type { EntityDef } from '../../dialogs';

const defs: EntityDef[] = [
  { name: 'backup_target', values: { computer: ['idevicebackup2'] } },
  { name: 'our_product', scope: 'inside', values: { apple: ['iphone'] } },
  { name: 'subject', fact: false, values: { backup: ['back up'] } },
  { name: 'failure', fact: false, values: { backup_stuck: ['hangs'], failed: ['fails'] } },
  { name: 'cause', fact: false, values: { ios_update: ['since the update'] } },
  { name: 'updating', fact: false, values: { update: ['updated'] } },
  { name: 'network', fact: false, values: { cellular: ['mobile data'] } },
];
const model: EvidenceModel = { triggers: ['backup_failed', 'computer_backup_failed'], intents: new Set(['backup_failed', 'computer_backup_failed', 'backup_stuck', 'backup_too_big', 'ios_update', 'cellular_backup']), defs };
const unknown: Decision = { intent: 'unknown', confidence: 0.3, ranking: [{ intent: 'ios_update', confidence: 0.3 }, { intent: 'computer_backup_failed', confidence: 0.2 }, { intent: 'backup_failed', confidence: 0.1 }] };

describe('versionAsContext', () => {
  const update: Decision = { intent: 'ios_update', confidence: 0.8, ranking: [{ intent: 'ios_update', confidence: 0.8 }, { intent: 'computer_backup_failed', confidence: 0.1 }] };
  const failing = { backup_target: 'computer', subject: 'backup', failure: 'failed' };

  it('reads a failed backup told with its iOS version, no update word and no cause, as the failure', () => {
    expect(versionAsContext(update, failing, failing, model)?.intent).toBe('computer_backup_failed');
    expect(versionAsContext(update, { ...failing, failure: 'backup_stuck' }, failing, model)?.intent).toBe('backup_stuck');
  });

  it('keeps the update when an update word is left after masking, a cause is named, or no failure is told', () => {
    expect(versionAsContext(update, failing, { ...failing, updating: 'update' }, model)).toBeUndefined();
    expect(versionAsContext(update, { ...failing, cause: 'ios_update' }, failing, model)).toBeUndefined();
    expect(versionAsContext(update, { our_product: 'apple' }, {}, model)).toBeUndefined();
    expect(versionAsContext({ ...update, intent: 'backup_failed' }, failing, failing, model)).toBeUndefined();
  });

  it('does nothing for knowledge without updating words', () => {
    expect(versionAsContext(update, failing, failing, { ...model, defs: defs.filter((d) => d.name !== 'updating') })).toBeUndefined();
  });
});

describe('noNetwork', () => {
  const cellular: Decision = { intent: 'cellular_backup', confidence: 0.8, ranking: [{ intent: 'cellular_backup', confidence: 0.8 }] };
  const big = { backup_target: 'icloud', subject: 'backup', failure: 'backup_too_big' };

  it('reads a backup over mobile data that names no network by what its words report', () => {
    expect(noNetwork(cellular, big, model)?.intent).toBe('backup_too_big');
    expect(noNetwork(cellular, { backup_target: 'icloud' }, model)).toBeUndefined(); // nothing reported: the classifier's
  });

  it('keeps it when a network is named, and for knowledge without network words', () => {
    expect(noNetwork(cellular, { ...big, network: 'cellular' }, model)).toBeUndefined();
    expect(noNetwork(cellular, big, { ...model, defs: defs.filter((d) => d.name !== 'network') })).toBeUndefined();
  });
});

describe('fromEvidence', () => {
  it('reads our product, the subject and a failure as the trigger the classifier ranked best', () => {
    expect(fromEvidence(unknown, { backup_target: 'computer', subject: 'backup', failure: 'failed' }, model)).toMatchObject({ intent: 'computer_backup_failed', confidence: 0.2 });
    // Not told where it backs up to: the first, general trigger, whose diagnosis asks.
    expect(fromEvidence(unknown, { our_product: 'apple', subject: 'backup', failure: 'failed' }, model)?.intent).toBe('backup_failed');
  });

  it('takes a failure value that is an intent as that intent (a backup that hangs is stuck)', () => {
    expect(fromEvidence(unknown, { backup_target: 'computer', subject: 'backup', failure: 'backup_stuck' }, model)?.intent).toBe('backup_stuck');
  });

  it('needs all three: our product, the subject and a failure', () => {
    expect(fromEvidence(unknown, { subject: 'backup', failure: 'failed' }, model)).toBeUndefined(); // a server's backup
    expect(fromEvidence(unknown, { our_product: 'apple', failure: 'failed' }, model)).toBeUndefined();
    expect(fromEvidence(unknown, { our_product: 'apple', subject: 'backup' }, model)).toBeUndefined();
  });

  it('leaves a decision that was made, or a close call the did-you-mean asks, alone', () => {
    const found = { our_product: 'apple', subject: 'backup', failure: 'failed' };
    expect(fromEvidence({ ...unknown, intent: 'ios_update' }, found, model)).toBeUndefined();
    expect(fromEvidence({ ...unknown, ambiguous: [unknown.ranking[0]!, unknown.ranking[1]!] }, found, model)).toBeUndefined();
  });

  it('starts a failed backup that names its cause at the cause, whether read as the general failure or unclear', () => {
    const general: Decision = { intent: 'backup_failed', confidence: 0.8, ranking: [{ intent: 'backup_failed', confidence: 0.8 }, { intent: 'ios_update', confidence: 0.1 }] };
    expect(fromEvidence(general, { cause: 'ios_update' }, model)).toMatchObject({ intent: 'ios_update', confidence: 0.1 });
    expect(fromEvidence(unknown, { our_product: 'apple', subject: 'backup', failure: 'failed', cause: 'ios_update' }, model)?.intent).toBe('ios_update');
    // A cause alone, with nothing saying a backup failed, decides nothing; nor does it override another specific intent.
    expect(fromEvidence(unknown, { cause: 'ios_update' }, model)).toBeUndefined();
    expect(fromEvidence({ ...general, intent: 'backup_stuck' }, { cause: 'ios_update' }, model)).toBeUndefined();
  });

  describe('offSubject', () => {
    const topics = new Set(['storage_full', 'backup_failed']);
    const story = (extra: string) => `${'word '.repeat(STORY_WORDS)}${extra}`;
    const storage: Decision = { intent: 'storage_full', confidence: 0.8, ranking: [{ intent: 'storage_full', confidence: 0.8 }] };

    it('turns away a long story that never speaks of the subject', () => {
      expect(offSubject(story('my phone storage is full'), storage, {}, topics, model)).toBe(true);
    });

    it('keeps short messages, stories about the subject, error texts, computer backups and non-problems', () => {
      expect(offSubject('my icloud is full', storage, {}, topics, model)).toBe(false);
      expect(offSubject(story('the backup'), storage, { subject: 'backup' }, topics, model)).toBe(false);
      expect(offSubject(story('it says'), storage, { error_text: 'not_enough_storage' }, topics, model)).toBe(false);
      expect(offSubject(story('finder'), storage, { backup_target: 'computer' }, topics, model)).toBe(false);
      expect(offSubject(story('hello'), { ...storage, intent: 'greeting' }, {}, topics, model)).toBe(false);
      // Knowledge without subject words cannot tell.
      expect(offSubject(story('my phone storage is full'), storage, {}, topics, { ...model, defs: [] })).toBe(false);
    });
  });
});
