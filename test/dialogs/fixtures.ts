// Test fixtures for the engine: a tiny hand-built knowledge base, a lookup-table understander, and a chat driver.
import type { Classification, Engine, FlowStep, Knowledge, ReplyTemplate, Session, TurnInput, TurnResult, Understander } from '../../dialogs';
import { REQUIRED_REPLY_IDS } from '../../dialogs';

const src = { file: 'fixture.yaml', line: 1 };
const yesNoTried = [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }, { label: 'Already tried', value: 'tried' }];
const topics = [{ label: 'My backup failed', value: 'intent:backup_failed' }, { label: 'What can you do?', value: 'help' }];

/** Every reply's text names its id in brackets, so tests can assert which reply came without depending on copy. */
const replies: Record<string, ReplyTemplate> = Object.fromEntries(REQUIRED_REPLY_IDS.map((id) => [id, { text: [`[${id}]`] }]));
Object.assign(replies, {
  welcome: { text: ['[welcome] Hi! What is going on?'], choices: topics },
  fallback: { text: ['[fallback] Sorry, I did not get that.', '[fallback] Hmm, I missed that.'], choices: topics },
  fallback_human: { text: ['[fallback_human] Shall I get you a person?'], choices: [{ label: 'Yes please', value: 'yes' }, { label: 'No, keep trying', value: 'no' }] },
  help: { text: ['[help] I fix failed backups.'], choices: topics },
  did_it_fix: { text: ['[did_it_fix] Did that fix it?'], choices: yesNoTried },
  already_tried: { text: ['[already_tried] OK, you already tried {step}.'] },
  resume: { text: ['[resume] Shall we carry on with {step}?'], choices: [{ label: 'Carry on', value: 'resume' }, { label: 'Start over', value: 'restart' }, { label: 'Talk to a person', value: 'human' }] },
  pick_up: { text: ['[pick_up] Pick up where you left off with {step}?'], choices: [{ label: 'Yes', value: 'yes' }, { label: 'No, start over', value: 'no' }] },
  stale_choice: { text: ['[stale_choice] That button is from earlier; we are on {step}.'] },
  ask_region: { text: ['[ask_region] Where are you?'], choices: [{ label: 'United States', value: 'region:US' }, { label: 'United Kingdom', value: 'region:GB' }, { label: 'Other', value: 'region:other' }] },
  handoff_queued: { text: ['[handoff_queued] You are number {position}.'] },
  handoff_agent_joined: { text: ['[handoff_agent_joined] {agent} joined.'] },
  handoff_unavailable: { text: ['[handoff_unavailable] Nobody is free; call {contact_name} on {phone}.'] },
  disambiguate: { text: ['[disambiguate] Did you mean…'], choices: [{ label: 'Something else', value: 'help' }] },
  started_over: { text: ['[started_over] Fresh start.'], choices: topics },
  fixed: { text: ['[fixed] Great, {step} did it.'] },
  thanks_goodbye: { text: ['[thanks_goodbye] You are welcome, bye.'] },
  csat_ask: { text: ['[csat_ask] How did I do?'], choices: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), value: `csat:${n}` })) },
  csat_thanks: { text: ['[csat_thanks] Thanks.'] },
  apple_contact: { text: ['[apple_contact] Apple: {call}.'], choices: topics },
  apple_appointment: { text: ['[apple_appointment] Book in the app, or {call}.'], choices: topics },
  tried_which: { text: ['[tried_which] Which have you tried?'], choices: [{ label: 'Done', value: 'tried' }] },
  confirm_step: { text: ['[confirm_step] {warning} Go ahead?'], choices: [{ label: 'Go ahead', value: 'yes' }, { label: 'Skip', value: 'next' }, { label: 'A person', value: 'human' }] },
  person_none: { text: ['[person_none] Nobody here; {call}.'], choices: topics },
  contact_call: { text: ['call {contact_name} on {phone}'] },
  contact_page: { text: ['see the contact page of {contact_name}'] },
  after_escalation: { text: ['[after_escalation] Apple next: {call}.', '[after_escalation] Still Apple: {call}.'], choices: [{ label: 'Ask our help desk', value: 'human' }, { label: 'Start over', value: 'restart' }] },
  escalation: { text: ['[escalation] Contact {contact_name}: {call}.'], links: [{ title: 'Apple Support', url: 'https://support.apple.com/contact' }], choices: [{ label: 'Ask our help desk', value: 'human' }, { label: 'Start over', value: 'restart' }] },
  ticket_ask_email: { text: ['[ticket_ask_email] Your email?'], choices: [{ label: 'Without email', value: 'no' }, { label: 'Never mind', value: 'resume' }] },
  later: { text: ['[later] Take your time with {step}.'], choices: [{ label: 'It worked', value: 'yes' }, { label: 'Still failing', value: 'no' }] },
});

const step = (id: string, intents: string[], extra: Partial<FlowStep> = {}): FlowStep => ({
  id, title: `Title ${id}`, say: `Do ${id}.`, links: [{ title: `${id} help`, url: `https://example.com/${id}` }], intents, ...extra,
});

export const STEPS = ['check_storage', 'check_wifi', 'update_ios', 'restart', 'reset_network', 'icloud_signin', 'icloud_status'] as const;

const intent = (name: string, examples: string[]) => ({ name, label: `Label ${name}`, examples, source: src });

export const knowledge: Knowledge = {
  replies,
  intents: [
    ...['greeting', 'thanks', 'goodbye', 'help', 'start_over', 'human', 'yes', 'no', 'resume', 'backup_failed'].map((n) => intent(n, [n])),
    ...['apple_support', 'apple_appointment', 'next_step', 'previous_step', 'repeat_step', 'list_steps', 'later'].map((n) => intent(n, [n])),
    intent('already_tried', ['i already tried that', 'already did it', 'tried it already', 'i have done that']),
    intent('storage_full', ['icloud storage is full', 'not enough storage']),
    intent('wifi_problem', ['my wifi is bad', 'wifi keeps dropping']),
    intent('ios_update', ['update ios', 'software update']),
    intent('restart_device', ['restart my iphone', 'restarting', 'turn it off and on']),
    intent('reset_network', ['reset network settings']),
    intent('icloud_signin', ['sign out of icloud']),
    intent('icloud_status', ['is icloud down']),
  ],
  outOfScope: ['weather'],
  entities: [
    { name: 'conjunction', fact: false, values: { and: ['and', 'plus'] } },
    { name: 'amount', fact: false, values: { all: ['all', 'everything'], none: ['none', 'nothing'] } },
  ],
  flows: [{
    id: 'backup', title: 'iPhone backup failed', triggers: ['backup_failed'], source: src,
    steps: [
      step('check_storage', ['storage_full'], { when: { backup_target: ['icloud'] } }),
      step('check_wifi', ['wifi_problem'], { when: { backup_target: ['icloud'] } }),
      step('update_ios', ['ios_update']),
      step('restart', ['restart_device']),
      step('reset_network', ['reset_network']),
      step('icloud_signin', ['icloud_signin'], { when: { backup_target: ['icloud'] } }),
      step('icloud_status', ['icloud_status'], { when: { backup_target: ['icloud'] } }),
    ],
  }],
  contacts: [
    { region: 'US', name: 'Apple Support US', phone: '1-800-692-7753', links: [{ title: 'US support', url: 'https://support.apple.com/en-us/contact' }] },
    { region: 'GB', name: 'Apple Support UK', phone: '0800 107 6285', hours: '8am-8pm', links: [{ title: 'UK support', url: 'https://support.apple.com/en-gb/contact' }] },
    { region: 'default', name: 'Apple Support', links: [{ title: 'Contact', url: 'https://support.apple.com/contact' }] },
  ],
  hash: 'fixture',
};

/** What the fake NLU says for a text: an intent name, or a partial classification. */
export type Entry = string | Partial<Classification>;

/** A lookup-table understander (lower-cased exact text); anything else is `unknown`. */
export function fakeUnderstander(table: Readonly<Record<string, Entry>>): Understander & { readonly seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    classify(text) {
      seen.push(text);
      const hit = table[text.trim().toLowerCase()];
      const c: Partial<Classification> = typeof hit === 'string' ? { intent: hit } : hit ?? {};
      const name = c.intent ?? 'unknown';
      const confidence = c.confidence ?? (name === 'unknown' ? 0.1 : 0.9);
      return { intent: name, confidence, ranking: c.ranking ?? [{ intent: name, confidence }], entities: c.entities ?? {}, ...(c.answer ? { answer: c.answer } : {}), ...(c.ambiguous ? { ambiguous: c.ambiguous } : {}), ...(c.evidence ? { evidence: c.evidence } : {}) };
    },
  };
}

/** The phrases the engine tests use. */
export const TABLE: Readonly<Record<string, Entry>> = {
  hi: 'greeting', thanks: 'thanks', bye: 'goodbye', help: 'help', 'start over': 'start_over', 'talk to a person': 'human',
  'let us continue': 'resume',
  yes: { intent: 'yes', answer: 'yes' }, no: { intent: 'no', answer: 'no' }, 'still failing': { intent: 'unknown', answer: 'no' },
  'kind of': { intent: 'unknown', answer: 'unsure' },
  'no, talk to a person': { intent: 'human', answer: 'no' },
  'no, and now icloud storage is full': { intent: 'storage_full', answer: 'no' },
  'no, it still will not back up': { intent: 'no', answer: 'no', evidence: 'backup_failed' },
  'my backup failed': 'backup_failed',
  'it says could not be completed': { intent: 'no', confidence: 0.66, entities: { error_text: 'could_not_complete' } },
  'backup failed with not enough storage': { intent: 'backup_failed', entities: { error_text: 'not_enough_storage' } },
  'my computer backup failed': { intent: 'backup_failed', entities: { backup_target: 'computer' } },
  'icloud storage is full': 'storage_full', 'my wifi is bad': 'wifi_problem', 'is icloud down': 'icloud_status',
  'how do i restart': 'restart_device',
  'i already tried that': { intent: 'already_tried', answer: 'tried' },
  'i already tried restarting': { intent: 'already_tried', answer: 'tried', ranking: [{ intent: 'already_tried', confidence: 0.6 }, { intent: 'restart_device', confidence: 0.2 }] },
  restarting: 'restart_device',
  'iphone 13 on ios 17.4': { intent: 'unknown', entities: { iphone_model: 'iPhone 13', ios_version: '17.4' } },
  'storage or wifi': { intent: 'unknown', ambiguous: [{ intent: 'storage_full', confidence: 0.4 }, { intent: 'wifi_problem', confidence: 0.38 }] },
  'backup failed, storage full': { intent: 'unknown', ambiguous: [{ intent: 'backup_failed', confidence: 0.4 }, { intent: 'storage_full', confidence: 0.38 }] },
  'cheers, will do': { intent: 'unknown', ambiguous: [{ intent: 'thanks', confidence: 0.4 }, { intent: 'goodbye', confidence: 0.38 }] },
  "what's apple's number": 'apple_support', 'book the genius bar': 'apple_appointment',
  skip: 'next_step', 'go back': 'previous_step', 'what was the step again': 'repeat_step', 'show me all the steps': 'list_steps',
  "i'll try it later": 'later',
  'i already tried restarting and update ios': { intent: 'already_tried', answer: 'tried' }, 'update ios': 'ios_update',
  'i tried everything': { intent: 'already_tried', answer: 'tried' },
  'no idea why, but my backup fails every night?': { intent: 'no', answer: 'no', ranking: [{ intent: 'no', confidence: 0.45 }, { intent: 'backup_failed', confidence: 0.3 }] },
  'all of them': { intent: 'unknown', entities: { amount: 'all' } },
};

export interface Chat {
  readonly last: TurnResult;
  readonly session: Session | undefined;
  start(locale?: string): TurnResult;
  say(text: string, extra?: Partial<TurnInput>): TurnResult;
  press(value: string, stepId?: string): TurnResult;
  send(input: Omit<TurnInput, 'now'>): TurnResult;
}

/** What "a person" means in a deployment: nobody (the default), an agent inbox, a help desk by ticket only. */
export const NOBODY = { tickets: false, live: false, hub: false } as const;
export const LIVE = { tickets: true, live: true, hub: false } as const;
export const TICKETS = { tickets: true, live: false, hub: false } as const;

/** Drives one conversation: keeps the session between turns, each turn a minute after the last. */
export function chat(engine: Engine, locale?: string, session?: Session, every: Partial<TurnInput> = {}): Chat {
  let current = session;
  let last: TurnResult | undefined;
  let minute = 0;
  const send = (input: Omit<TurnInput, 'now'>): TurnResult => {
    const now = new Date(Date.UTC(2025, 0, 1, 9, minute++)).toISOString();
    last = engine.turn(current, { locale, ...every, ...input, now });
    current = last.session;
    return last;
  };
  return {
    get last() { if (!last) throw new Error('no turn yet'); return last; },
    get session() { return current; },
    send,
    start: (l) => send({ kind: 'conversation_start', locale: l ?? locale }),
    say: (text, extra) => send({ kind: 'message', text, ...extra }),
    press: (value, stepId) => send({ kind: 'message', action: { value, ...(stepId ? { stepId } : {}) } }),
  };
}

/** The bracketed reply ids of a result, in order: `step:<id>` for a step made current, `info:<id>` for a side answer. */
export function ids(result: TurnResult): string[] {
  return result.replies.map((r) => {
    if (r.kind === 'step') return r.stepId ? `step:${r.stepId}` : `info:${(r.title ?? '').replace('Title ', '')}`;
    return /^\[(\w+)\]/.exec(r.text)?.[1] ?? r.kind;
  });
}
