// Domain evidence for messages the classifier cannot place: a long, technical or log-like message (a tool's log
// lines, versions and paths around one "backup failed") dilutes the few words that say what is wrong, yet it plainly
// reports a failed backup.
// Product × problem: our product (an `inside` entity, or a backup target such as a computer's backup tool) named
// beside a word of the knowledge's subject (entity `subject`) and a word of failing (entity `failure`) is ours.
import type { Decision } from './decide';
import type { EntityDef, IntentScore } from '../types';

/** The entity of the knowledge's subject words ("backup", "idevicebackup2"). */
export const SUBJECT_ENTITY = 'subject';
/** The entity of failure words; a value that is an intent's name ("backup_stuck": hangs, never ends) is that intent. */
export const FAILURE_ENTITY = 'failure';
/** The entity of causes named beside a failure; its value is the intent to start at ("since I updated": ios_update). */
export const CAUSE_ENTITY = 'cause';
/** The entity of updating words, found in the masked text (another program's update is masked out). */
export const UPDATING_ENTITY = 'updating';
/** The entity of the phone's network words (mobile data, Wi-Fi), which a backup over mobile data names. */
export const NETWORK_ENTITY = 'network';
const CELLULAR_INTENT = 'cellular_backup';
/** The intent whose examples speak of versions ("i'm on ios 15", "latest version of ios"). */
const UPDATE_INTENT = 'ios_update';

export interface EvidenceModel {
  /** The problem intents, in the order a generic failure prefers them (the flows' triggers first). */
  readonly triggers: readonly string[];
  readonly intents: ReadonlySet<string>;
  readonly defs: readonly EntityDef[];
}

/** Our product is named: an `inside` scope entity, or a fact that only our product has (where it backs up to). */
function oursNamed(found: Readonly<Record<string, string>>, defs: readonly EntityDef[]): boolean {
  return defs.some((def) => found[def.name] !== undefined && (def.scope === 'inside' || def.name === 'backup_target'));
}

/**
 * The decision the evidence supports for a message the classifier left unknown (and not a close call between two
 * of ours, which the did-you-mean asks): the failure's own intent, else the trigger the classifier ranked best.
 */
export function fromEvidence(decided: Decision, found: Readonly<Record<string, string>>, model: EvidenceModel): Decision | undefined {
  const ranked = (intent: string): IntentScore | undefined => decided.ranking.find((r) => r.intent === intent);
  const cause = found[CAUSE_ENTITY] !== undefined && model.intents.has(found[CAUSE_ENTITY]) ? found[CAUSE_ENTITY] : undefined;
  const failure = found[FAILURE_ENTITY];
  const plain = found[SUBJECT_ENTITY] !== undefined && failure !== undefined && oursNamed(found, model.defs);
  // A failed backup that names its cause starts at the cause: read as the general failure, unclear, or a close call.
  if (cause !== undefined && (model.triggers.includes(decided.intent) || (decided.intent === 'unknown' && plain))) return as(cause);
  if (decided.intent !== 'unknown' || decided.ambiguous || !plain) return undefined;
  const own = model.intents.has(failure) ? failure : undefined;
  // Told where it backs up to, the trigger the classifier ranked best; else the first, general one (its diagnosis asks).
  const trigger = found.backup_target !== undefined
    ? [...model.triggers].sort((a, b) => (ranked(b)?.confidence ?? 0) - (ranked(a)?.confidence ?? 0))[0]
    : model.triggers[0];
  const intent = own ?? trigger;
  return intent === undefined ? undefined : as(intent);

  function as(intent: string): Decision {
    const confidence = ranked(intent)?.confidence ?? decided.confidence;
    return { intent, confidence, ranking: [{ intent, confidence }, ...decided.ranking.filter((r) => r.intent !== intent)] };
  }
}

/**
 * A failed backup told with the iOS version it runs ("on iOS 17.2, the backup to my
 * PC errors out") reads as the update to the classifier, whose update examples speak of versions. With no update
 * word left once another program's update is masked, and no cause named, the version is context: the failure decides.
 * `masked`: the entities found in the masked message. Knowledge without updating words keeps the classifier's choice.
 */
export function versionAsContext(decided: Decision, found: Readonly<Record<string, string>>, masked: Readonly<Record<string, string>>, model: EvidenceModel): Decision | undefined {
  if (decided.intent !== UPDATE_INTENT || !model.defs.some((def) => def.name === UPDATING_ENTITY)) return undefined;
  if (found[CAUSE_ENTITY] === UPDATE_INTENT || masked[UPDATING_ENTITY] !== undefined) return undefined;
  return fromEvidence({ ...decided, intent: 'unknown', ambiguous: undefined }, found, model);
}

/**
 * A message read as a backup over mobile data that names no network at all ("one app's data is most of the backup
 * size") took its sizes and data words for mobile data: what the words report decides, if anything does.
 */
export function noNetwork(decided: Decision, found: Readonly<Record<string, string>>, model: EvidenceModel): Decision | undefined {
  if (decided.intent !== CELLULAR_INTENT || found[NETWORK_ENTITY] !== undefined || !model.defs.some((def) => def.name === NETWORK_ENTITY)) return undefined;
  return fromEvidence({ ...decided, intent: 'unknown', ambiguous: undefined }, found, model);
}

/** Past this many words a message tells its story; one about our subject says so somewhere in it. */
export const STORY_WORDS = 25;

/**
 * A long message that never speaks of the subject (no backing up, no error text of ours, no computer backup tool) is
 * not ours, whichever of our problems its words resemble: iPhone storage, iCloud Photos sync or an app's cache told at
 * length (a photo app's cache described over a paragraph). Short messages keep their intent ("my icloud is full").
 */
export function offSubject(text: string, decided: Decision, found: Readonly<Record<string, string>>, topics: ReadonlySet<string>, model: EvidenceModel): boolean {
  // Only knowledge that names its subject's words can tell a story about something else.
  if (!model.defs.some((def) => def.name === SUBJECT_ENTITY) || !topics.has(decided.intent) || found[SUBJECT_ENTITY] !== undefined || found.error_text !== undefined || found.backup_target === 'computer') return false;
  return text.split(/\s+/).length > STORY_WORDS;
}
