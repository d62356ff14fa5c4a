// The conversation layer's public surface: the ConversationService and the seams it is built from.
export { createConversationService, type ConversationServiceHandle, type ConversationServiceOptions } from './conversation-service';
export { createLoggingDesk } from './logging-desk';
export { buildHandoffPacket, handoffPacketId } from './handoff-packet';
export { loadRecord, sessionKey, type SessionRecord } from './session-record';
export { readTranscript, transcriptKey } from './transcript';
export { createLoggingUnrecognizedSink, toUnrecognizedSink, type UnrecognizedEntry, type UnrecognizedSink } from './unrecognized';
