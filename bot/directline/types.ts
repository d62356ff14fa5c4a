// Shapes of our self-hosted Direct Line 3.0: its configuration, dependencies, stored records and token claims.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotStore, Delivery } from '../ports';

/** The bot's turn logic, exactly as `/api/messages` runs it (bot/turn-handler.ts). */
export type BotLogic = (context: TurnContext) => Promise<void>;

export interface DirectLineConfig {
  /** Our public origin (PUBLIC_URL, no trailing slash): serviceUrl and streamUrl. Without it, taken from the request's Host. */
  readonly publicUrl?: string;
  /** DIRECT_LINE_TOKEN_SECRET. Without it, a random secret is generated once and kept in the store (see tokens.ts). */
  readonly tokenSecret?: string;
  /** Token lifetime. Web Chat refreshes every 15 minutes, so anything under 30 minutes drops conversations. Default 3600. */
  readonly tokenTtlSeconds?: number;
  /** Period of the empty keep-alive frame on the WebSocket stream. Default 15000. */
  readonly keepAliveMs?: number;
  /** The bot's id in activities (MicrosoftAppId, or `bot`). */
  readonly botId: string;
  /** MicrosoftAppId, when set: the in-process turns then carry the same bot identity claims as authenticated ones. */
  readonly appId?: string;
  readonly botName: string;
  /** Channel id given to the bot for these conversations. Default `webchat`. */
  readonly channelId?: 'webchat' | 'directline';
}

export interface DirectLineDeps {
  readonly store: BotStore;
  readonly adapter: CloudAdapter;
  readonly logic: BotLogic;
  readonly config: DirectLineConfig;
  readonly logger: Logger;
  /** Proactive delivery for webchat/directline conversations that are not in our Direct Line (Azure's, via /api/messages). */
  readonly fallbackDelivery?: Delivery;
}

/** `dl/conversation/<id>` in BotStore.storage. */
export interface ConversationRecord {
  readonly id: string;
  readonly userId: string;
  readonly userName?: string;
  readonly locale?: string;
  readonly createdAt: string;
  /** Set once the bot has been told about the user (conversationUpdate), so a retried start never welcomes twice. */
  readonly started: boolean;
}

/** What a Direct Line token carries. */
export interface TokenClaims {
  /** Conversation id. */
  readonly conv: string;
  /** User id: every activity posted with this token comes from this user. */
  readonly user: string;
  /** `api` for the REST calls, `stream` for the short-lived token in a streamUrl. */
  readonly use: 'api' | 'stream';
}

/** An activity as stored and as Direct Line clients see it: plain JSON, timestamps as ISO strings. */
export interface WireActivity {
  readonly [key: string]: unknown;
  readonly id?: string;
  readonly type?: string;
  readonly text?: string;
  readonly timestamp?: string;
  readonly replyToId?: string;
  readonly from?: { readonly id: string; readonly name?: string; readonly role?: string };
  readonly channelData?: Readonly<Record<string, unknown>>;
}

/** One page of a conversation's activities. The watermark is the next sequence number to read. */
export interface ActivitySet {
  readonly activities: readonly WireActivity[];
  readonly watermark: string;
}

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_KEEP_ALIVE_MS = 15_000;
/** Lifetime of the token inside a streamUrl: Web Chat connects at once, and asks for a fresh URL after every drop. */
export const STREAM_TOKEN_TTL_SECONDS = 300;
