// Plays one simulated customer against the engine: the opening message, the diagnostic question answered from what
// they see, "go ahead" to a warning, "no" to every fix until the one for their hidden cause is shown.
import type { Engine, Reply, Session, TurnInput, TurnResult } from '../../dialogs';
import type { Customer } from './customers';

/** The steps that fix each cause (any of them shown counts as the fix). */
export const CAUSE_FIXES: Readonly<Record<string, readonly string[]>> = {
  storage_full: ['check_storage'], backup_too_big: ['shrink_backup'], new_iphone_move: ['new_iphone'],
  wifi_weak: ['check_wifi'], low_data_mode: ['check_wifi', 'auto_backup'], cellular_only: ['cellular_backup'],
  auto_backup_off: ['auto_backup'], not_charging_locked: ['auto_backup'], stuck_estimating: ['backup_stuck'],
  icloud_outage: ['check_status'], ios_outdated: ['update_ios'], temporary_glitch: ['restart_iphone'],
  network_settings: ['reset_network'], icloud_signin_glitch: ['sign_out_in'], apple_account_issue: ['apple_account'],
  restricted: ['backup_restricted'], computer_trust: ['computer_trust'], computer_cable: ['computer_cable'],
  computer_disk_full: ['computer_disk'], computer_software_old: ['computer_software'],
  computer_security_sw: ['computer_security'], computer_corrupt_backup: ['computer_old_backup'],
};

/** What a customer answers to "what does the message say?", from what they see (the diagnose option ids). */
export function optionFor(c: Customer): string {
  if (c.target === 'computer') return ['device_not_seen', 'disconnected'].includes(c.screen) ? 'computer_unseen' : 'computer_error';
  switch (c.screen) {
    case 'not_enough_storage': return 'storage';
    case 'could_not_complete': case 'network_lost': case 'account_needs_attention': case 'error_code': return 'failed';
    case 'no_message': case 'requires_wifi': return 'never';
    case 'stuck': return 'stuck';
    case 'greyed_out': return 'greyed';
    default: return 'unknown';
  }
}

export interface CustomerResult {
  readonly id: string;
  readonly cause: string;
  readonly fixed: boolean;
  /** Messages the customer sent until the fix was shown (the opening counts), or until the end. */
  readonly turns: number;
  readonly shown: readonly string[];
  readonly ending: 'fixed' | 'escalated' | 'stalled';
}

const MAX_TURNS = 30;
const choicesOf = (r: TurnResult): readonly { value: string; stepId?: string }[] =>
  r.replies.flatMap((x: Reply) => (x.choices ?? []).map((c) => ({ value: c.value, stepId: x.stepId })));

export function playCustomer(engine: Engine, c: Customer, locale = 'en-US'): CustomerResult {
  const fixes = CAUSE_FIXES[c.cause] ?? [];
  let session: Session | undefined;
  const shown: string[] = [];
  const send = (input: Omit<TurnInput, 'now' | 'locale'>, turn: number): TurnResult => {
    const r = engine.turn(session, { ...input, locale, now: new Date(Date.UTC(2026, 0, 1, 9, turn)).toISOString() });
    session = r.session;
    return r;
  };
  let r = send({ kind: 'message', text: c.opening }, 0);
  for (let turns = 1; turns <= MAX_TURNS; turns += 1) {
    const step = r.replies.find((x) => x.kind === 'step' && x.stepId !== undefined)?.stepId;
    if (step) shown.push(step);
    if (step && fixes.includes(step)) return { id: c.id, cause: c.cause, fixed: true, turns, shown, ending: 'fixed' };
    if (session?.status === 'escalated') return { id: c.id, cause: c.cause, fixed: false, turns, shown, ending: 'escalated' };
    const offered = choicesOf(r);
    const diag = offered.filter((o) => o.value.startsWith('diag:'));
    const confirm = session?.pending?.kind === 'confirm_step';
    let next: Omit<TurnInput, 'now' | 'locale'>;
    if (diag.length > 0) next = { kind: 'message', action: { value: (diag.find((o) => o.value === `diag:${optionFor(c)}`) ?? diag.find((o) => o.value === 'diag:unknown') ?? diag[0]).value } };
    else if (confirm) next = { kind: 'message', action: { value: 'yes', stepId: session?.stepId } };
    else if (session?.pending?.kind === 'did_it_fix') next = { kind: 'message', action: { value: 'no', stepId: session.stepId } };
    else if (session?.status === 'in_flow') next = { kind: 'message', text: 'no, still failing' };
    else next = { kind: 'message', text: 'my iphone backup failed' };
    r = send(next, turns);
  }
  return { id: c.id, cause: c.cause, fixed: false, turns: MAX_TURNS, shown, ending: 'stalled' };
}
