// The packet as plain text for help desks that take a ticket body (Zendesk): what an agent reads first comes first.
// These labels are for agents inside the help desk, not for the user, so they live here rather than in knowledge.
import type { HandoffPacket } from '../ports';

/** Longest transcript part of a ticket body: agents read the end; the whole story is in the inbox. */
const MAX_TRANSCRIPT_CHARS = 20_000;

export function ticketSubject(packet: HandoffPacket): string {
  const who = packet.user.name ?? packet.user.id;
  return `Chat handoff (${packet.reason.replace(/_/g, ' ')}): ${who} on ${packet.channel}`;
}

export function ticketText(packet: HandoffPacket): string {
  const facts = Object.entries(packet.facts).map(([k, v]) => `- ${k}: ${v}`);
  const steps = packet.steps.map((s) => `- ${s.stepId}: ${s.outcome} (${s.at})`);
  let transcript = packet.transcript.map((t) => `[${t.at}] ${t.from}${t.name ? ` (${t.name})` : ''}: ${t.text}`).join('\n');
  if (transcript.length > MAX_TRANSCRIPT_CHARS) transcript = `…${transcript.slice(-MAX_TRANSCRIPT_CHARS)}`;
  const sections: [string, string[]][] = [
    ['Summary', packet.summary.map((line) => `- ${line}`)],
    ['Device facts', facts],
    ['Steps', steps],
    ['Last words', packet.lastUserWords ? [packet.lastUserWords] : []],
    ['Transcript', transcript ? [transcript] : []],
  ];
  const head = [
    `Reason: ${packet.reason}`,
    `Conversation: ${packet.conversation} (${packet.channel}${packet.locale ? `, ${packet.locale}` : ''})`,
    ...(packet.language ? [`Language: ${packet.language}`] : []),
    `User: ${packet.user.name ?? ''} [${packet.user.id}]`,
    ...(packet.contact ? [`Reply to: ${packet.contact.email}`] : ['Reply to: no email given (the user cannot be reached outside the chat)']),
    ...(packet.pack ? [`Flow: ${packet.pack}`] : []),
    `Opened: ${packet.createdAt}`,
  ];
  return [head.join('\n'), ...sections.filter(([, lines]) => lines.length > 0).map(([title, lines]) => `${title}:\n${lines.join('\n')}`)].join('\n\n');
}
