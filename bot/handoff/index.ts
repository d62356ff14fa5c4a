// The handoff's public surface for the wiring and the agent inbox.
export { createHandoff, type Handoff, type HandoffOptions } from './system';
export { OUTBOX_KINDS, type NoticePayload, type NoticeStatus } from './desk';
export { InboxError, type Inbox, type InboxAgent, type InboxErrorCode, type QueueEntry } from './inbox';
export { canSee, INBOX_TOPIC, parseInboxEvent, type InboxEvent } from './events';
export { HEARTBEAT_MS, PRESENCE_TTL_MS, type Presence } from './presence';
export { queuePosition, type HandoffRecord, type HandoffState } from './records';
export { isDeskOpen, isWithinHours, localTime } from './business-hours';
export { redactPacket, redactText, type Redactor } from './redact';
export { tenantOf, isBotFrameworkAddress } from './addresses';
