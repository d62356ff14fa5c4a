// One Connector API client per (bot app id, audience, serviceUrl), kept between turns. CloudAdapter builds a new
// ConnectorClient for every incoming activity and every proactive message (an HTTP pipeline of a dozen policies and
// the credentials), which `npm run bench` measured at about a tenth of an echo bot's turn. The clients hold no turn
// state, and the credentials cache and refresh their own tokens, as the older BotFrameworkAdapter's per-serviceUrl
// client cache relied on too. Bounded, so a stream of unknown serviceUrls cannot grow it.
// CloudAdapter also builds a UserTokenClient (a second pipeline, for OAuth prompts this bot never uses) for every
// activity: kept per app id and audience the same way (≈0.2 ms of a turn's CPU in the profile, −10 % per turn measured).
// `wrap` dresses each client once, when it is created (bot/connector/lean-connector.ts).
import { JwtTokenValidation, type BotFrameworkAuthentication, type ConnectorFactory } from 'botframework-connector';

export const CONNECTOR_CACHE_SIZE = 256;

type ClaimsIdentity = Parameters<BotFrameworkAuthentication['createConnectorFactory']>[0];

/** A least-recently-used map of client promises; a failed creation is forgotten, so the next turn tries again. */
function createClientCache<T>(size: number) {
  const clients = new Map<string, Promise<T>>();
  return (key: string, create: () => Promise<T>): Promise<T> => {
    const cached = clients.get(key);
    if (cached) {
      clients.delete(key);
      clients.set(key, cached); // most recently used last
      return cached;
    }
    const created = create();
    clients.set(key, created);
    created.catch(() => clients.get(key) === created && clients.delete(key));
    if (clients.size > size) clients.delete(clients.keys().next().value as string);
    return created;
  };
}

type UserTokenClient = Awaited<ReturnType<BotFrameworkAuthentication['createUserTokenClient']>>;

/** The claim botbuilder's own factories read for the bot's app id and the token audience. */
const claimOf = (identity: ClaimsIdentity | undefined, type: string): string => String(identity?.claims.find((c) => c.type === type)?.value ?? '');

type Client = Awaited<ReturnType<ConnectorFactory['create']>>;

export interface ConnectorCacheOptions {
  readonly size?: number;
  /** Applied to every client created (once; the cache keeps the result). */
  readonly wrap?: (client: Client) => Client;
}

export function withConnectorCache<T extends BotFrameworkAuthentication>(auth: T, options: ConnectorCacheOptions | number = {}): T {
  const { size = CONNECTOR_CACHE_SIZE, wrap } = typeof options === 'number' ? { size: options } : options;
  const cache = createClientCache<Client>(size);
  const userTokenClients = createClientCache<UserTokenClient>(size);
  const cached = (factory: ConnectorFactory, identity: ClaimsIdentity | undefined): ConnectorFactory => {
    const appId = identity ? JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '' : '';
    return {
      create: (serviceUrl: string, audience?: string) =>
        cache(`${appId}\n${audience ?? ''}\n${serviceUrl}`, () => (wrap ? factory.create(serviceUrl, audience).then(wrap) : factory.create(serviceUrl, audience))),
    } as ConnectorFactory;
  };
  const overrides: Pick<BotFrameworkAuthentication, 'authenticateRequest' | 'createConnectorFactory' | 'createUserTokenClient'> = {
    authenticateRequest: async (activity, authHeader) => {
      const result = await auth.authenticateRequest(activity, authHeader);
      // Streaming requests bring no factory (CloudAdapter supplies its own then).
      return result.connectorFactory ? { ...result, connectorFactory: cached(result.connectorFactory, result.claimsIdentity) } : result;
    },
    createConnectorFactory: (identity) => cached(auth.createConnectorFactory(identity), identity),
    // Keyed finer than botbuilder's own app id lookup (audience and app id claims), so no client is shared across app ids.
    createUserTokenClient: (identity) =>
      userTokenClients(`${claimOf(identity, 'aud')}\n${claimOf(identity, 'appid')}\n${claimOf(identity, 'azp')}`, () => auth.createUserTokenClient(identity)),
  };
  return Object.assign(Object.create(auth) as T, overrides);
}
