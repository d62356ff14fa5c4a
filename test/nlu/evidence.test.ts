// Domain evidence: a message the classifier left unknown that names our product, the subject and a failure is ours.
import type { Decision } from '../../dialogs/nlu/decide';
import { fromEvidence, type EvidenceModel } from '../../dialogs/nlu/evidence';
import type { EntityDef } from '../../dialogs';

const defs: EntityDef[] = [
  { name: 'backup_target', values: { computer: ['idevicebackup2'] } },
  { name: 'our_product', scope: 'inside', values: { apple: ['iphone'] } },
  { name: 'subject', fact: false, values: { backup: ['back up'] } },
  { name: 'failure', fact: false, values: { backup_stuck: ['hangs'], failed: ['fails'] } },
];
const model: EvidenceModel = { triggers: ['backup_failed', 'computer_backup_failed'], intents: new Set(['backup_failed', 'computer_backup_failed', 'backup_stuck']), defs };
const unknown: Decision = { intent: 'unknown', confidence: 0.3, ranking: [{ intent: 'ios_update', confidence: 0.3 }, { intent: 'computer_backup_failed', confidence: 0.2 }, { intent: 'backup_failed', confidence: 0.1 }] };

describe('fromEvidence', () => {
  it('reads our product, the subject and a failure as the trigger the classifier ranked best', () => {
    expect(fromEvidence(unknown, { our_product: 'apple', subject: 'backup', failure: 'failed' }, model)).toMatchObject({ intent: 'computer_backup_failed', confidence: 0.2 });
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
});
