// Where the chat page gets its Direct Line token: our own Direct Line, or Azure's when DIRECT_LINE_SECRET is set.
// The Azure secret stays on the server: the page only ever sees a token scoped to one conversation.
import { randomBytes } from 'node:crypto';

export interface WebChatToken {
  readonly token: string;
  readonly conversationId: string;
  readonly expiresIn: number;
  /** Direct Line base URL for WebChat.createDirectLine({ domain }); undefined means our own, at <origin>/v3/directline. */
  readonly domain?: string;
  readonly userId?: string;
}

export interface WebChatTokenSource {
  readonly kind: 'self-hosted' | 'azure';
  /** Origins the page must be allowed to connect to (CSP connect-src), besides our own. */
  readonly connectOrigins: readonly string[];
  issue(): Promise<WebChatToken>;
}

export const AZURE_DIRECT_LINE_URL = 'https://directline.botframework.com/v3/directline';

/** Self-hosted: tokens from our Direct Line (the same as POST /v3/directline/tokens/generate). */
export function createSelfHostedTokenSource(generate: () => Promise<{ conversationId: string; token: string; expiresIn: number; userId: string }>): WebChatTokenSource {
  return { kind: 'self-hosted', connectOrigins: [], issue: generate };
}

/**
 * Azure Bot Service: exchanges DIRECT_LINE_SECRET for a conversation token (POST <baseUrl>/tokens/generate).
 * `baseUrl` is configurable so tests point it at a local fake. User ids get Azure's `dl_` prefix (enhanced auth).
 */
export function createAzureTokenSource(options: { secret: string; baseUrl?: string; timeoutMs?: number }): WebChatTokenSource {
  const baseUrl = (options.baseUrl ?? AZURE_DIRECT_LINE_URL).replace(/\/+$/, '');
  const origin = new URL(baseUrl).origin;
  return {
    kind: 'azure',
    connectOrigins: [origin, origin.replace(/^http/, 'ws')],
    async issue() {
      const userId = `dl_${randomBytes(12).toString('base64url')}`;
      const response = await fetch(`${baseUrl}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) throw new Error(`Direct Line token exchange failed: HTTP ${response.status}`);
      const body = (await response.json()) as { token?: unknown; conversationId?: unknown; expires_in?: unknown };
      if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') throw new Error('Direct Line token exchange: unexpected answer');
      const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
      return { token: body.token, conversationId: body.conversationId, expiresIn, domain: baseUrl, userId };
    },
  };
}
