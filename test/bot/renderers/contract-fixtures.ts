// Replies the shared renderer contract renders: one of each kind, few and many choices, links, lines, checklists,
// a step with a "show me how" detail, odd text.
import type { Reply } from '../../../dialogs';

export interface ContractCase {
  readonly name: string;
  readonly replies: readonly Reply[];
}

const yesNoTried = [
  { label: 'Yes, it worked', value: 'yes' },
  { label: 'No, still failing', value: 'no' },
  { label: 'Already tried it', value: 'tried' },
];

const manyChoices = [
  { label: 'My backup failed', value: 'intent:backup_failed' },
  { label: 'iCloud storage is full', value: 'intent:storage_full' },
  { label: 'Wi-Fi keeps dropping', value: 'intent:wifi_problem' },
  { label: 'Update iOS', value: 'intent:ios_update' },
  { label: 'Is iCloud down?', value: 'intent:icloud_status' },
  { label: 'Talk to a person', value: 'human' },
  { label: 'Start over', value: 'restart' },
];

/** Fixes a user may have tried already: the boxes of an "I tried everything" checklist. */
export const triedFixes = [
  { label: 'Free up iCloud storage', value: 'step:check_storage' },
  { label: 'Check your Wi-Fi', value: 'step:check_wifi' },
  { label: 'Update iOS', value: 'step:update_ios' },
  { label: 'Restart your iPhone', value: 'step:restart' },
  { label: 'Sign out of iCloud and back in', value: 'step:resign_icloud' },
  { label: 'Reset network settings', value: 'step:reset_network' },
  { label: 'Back up to a computer instead', value: 'step:computer_backup' },
  { label: 'Turn off Low Power Mode', value: 'step:low_power' },
  { label: 'Check Apple system status', value: 'step:system_status' },
  { label: 'Remove old backups', value: 'step:old_backups' },
  { label: 'Turn off backup for big apps', value: 'step:big_apps' },
  { label: 'Set the date and time automatically', value: 'step:date_time' },
];

/** A checklist reply: tick the boxes, then send them with the submit (or type their numbers). */
export function checklist(boxes: readonly { label: string; value: string }[], stepId?: string): Reply {
  return {
    kind: 'checklist',
    text: 'Which of these have you tried already? Tick them and press Done, or type their numbers (for example 1 3).',
    pick: 'many',
    choices: boxes,
    submit: { label: 'Done', value: 'tried' },
    ...(stepId ? { stepId } : {}),
  };
}

const links = [
  { title: 'Apple System Status', url: 'https://www.apple.com/support/systemstatus/' },
  { title: 'Contact Apple Support', url: 'https://support.apple.com/contact' },
];

export const contractReplies: readonly ContractCase[] = [
  {
    name: 'a step then its question',
    replies: [
      {
        kind: 'step',
        title: 'Free up iCloud storage',
        text: 'Open **Settings › [your name] › iCloud** and check how much storage is left.\n\n- Delete an old backup\n- Or buy more space',
        links: [{ title: 'Manage iCloud storage', url: 'https://support.apple.com/en-us/108922' }],
        stepId: 'check_storage',
      },
      { kind: 'question', text: 'Did that fix it?', choices: yesNoTried, stepId: 'check_storage' },
    ],
  },
  { name: 'plain text', replies: [{ kind: 'text', text: 'Hi! I help fix iPhone backups that fail.' }] },
  { name: 'one choice', replies: [{ kind: 'question', text: 'Shall we carry on?', choices: [{ label: 'Continue the steps', value: 'resume' }] }] },
  { name: 'more choices than buttons', replies: [{ kind: 'text', text: 'What can I help with?', choices: manyChoices }] },
  {
    name: 'an escalation with links and lines',
    replies: [
      {
        kind: 'escalation',
        text: 'Nothing worked, sorry. Apple Support can help: call 1-800-MY-APPLE (1-800-692-7753), every day 8am to 8pm.',
        links,
        choices: [{ label: 'Talk to a person', value: 'human' }],
      },
      {
        kind: 'summary',
        title: 'What we tried',
        text: 'Here is what we tried, to copy for the advisor:',
        lines: ['- Free up iCloud storage: not fixed', '- Check Wi-Fi: already tried', '- Update iOS: not fixed'],
      },
    ],
  },
  { name: 'a handoff notice', replies: [{ kind: 'handoff', text: 'You are number 2 in the queue for a person.', choices: [{ label: 'Cancel', value: 'restart' }] }] },
  { name: 'a checklist', replies: [checklist(triedFixes.slice(0, 3), 'check_storage')] },
  { name: 'a checklist of many boxes, without a step', replies: [checklist(triedFixes)] },
  {
    name: 'a step with a detail, then its question',
    replies: [
      {
        kind: 'step',
        title: 'Update iOS',
        text: 'Install the latest iOS, then try the backup again.',
        links: [{ title: 'Update your iPhone', url: 'https://support.apple.com/en-us/118575' }],
        stepId: 'update_ios',
        detail: {
          label: 'Show me how',
          text: 'Plug in your iPhone and join **Wi-Fi**. Open **Settings › General › Software Update** and tap **Update Now**.\n\n- Keep it plugged in\n- It restarts on its own',
        },
      },
      { kind: 'question', text: 'Did that fix it?', choices: yesNoTried, stepId: 'update_ios' },
    ],
  },
];

/** A reply whose text is 2.5 times the renderer's limit, made of ordinary words and paragraphs. */
export function longReply(maxTextLength: number): Reply {
  const paragraph = 'Restart your iPhone, then connect to a strong Wi-Fi network and try the backup again. ';
  let text = '';
  let n = 0;
  while (text.length < maxTextLength * 2.5) {
    n += 1;
    text += `${paragraph.repeat(3)}paragraph${n}\n\n`;
  }
  return { kind: 'text', text: text.trim(), choices: [{ label: 'Carry on', value: 'resume' }] };
}

export const oddReplies: readonly Reply[] = [
  { kind: 'text', text: '🙂🔥📱 emoji only 🙂' },
  { kind: 'text', text: 'مرحبا، النسخ الاحتياطي فشل' },
  { kind: 'text', text: '<script>alert(1)</script> & <b>bold</b>' },
  { kind: 'text', text: 'Ze\u0301ro combining e\u0301' },
  { kind: 'text', text: 'x'.repeat(45000) },
  { kind: 'text', text: '😀'.repeat(25000) },
];

/** A step whose "show me how" detail is 2.5 times the renderer's limit. */
export function longDetail(maxTextLength: number): Reply {
  const words = 'Open Settings, tap your name, then iCloud, and follow the screens. ';
  let text = '';
  for (let n = 1; text.length < maxTextLength * 2.5; n += 1) text += `${words.repeat(3)}part${n}\n\n`;
  return { kind: 'step', title: 'Sign out of iCloud', text: 'Sign out of iCloud and back in.', stepId: 'resign_icloud', detail: { label: 'Show me how', text: text.trim() } };
}
