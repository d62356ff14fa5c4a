// Our self-hosted Direct Line 3.0 (Web Chat's protocol), for the wiring: the router factory and what it needs.
export { createDirectLineRouter, type DirectLineRouter } from './direct-line';
export { createDirectLineDelivery, conversationIdOf } from './delivery';
export { createAzureTokenSource, createSelfHostedTokenSource, AZURE_DIRECT_LINE_URL, type WebChatToken, type WebChatTokenSource } from './token-source';
export type { BotLogic, DirectLineConfig, DirectLineDeps } from './types';
