// Connector clients kept between turns: one per (app id, audience, serviceUrl), a failed creation retried, bounded.
import { ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorClient, type ConnectorFactory } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { withConnectorCache } from '../../bot/connector-cache';

function fakeAuth() {
  const created: string[] = [];
  let failNext = false;
  const factory = (appId: string): ConnectorFactory => ({
    create: async (serviceUrl: string, audience?: string) => {
      if (failNext) {
        failNext = false;
        throw new Error('credentials unavailable');
      }
      created.push(`${appId} ${audience ?? '-'} ${serviceUrl}`);
      return { serviceUrl } as unknown as ConnectorClient;
    },
  }) as ConnectorFactory;
  const identity = (appId: string) => new ClaimsIdentity(appId ? [{ type: 'appid', value: appId }, { type: 'ver', value: '1.0' }] : [], true);
  const auth = {
    authenticateRequest: async (activity: Activity) => {
      const appId = String(activity.recipient?.id ?? '');
      return { claimsIdentity: identity(appId), audience: 'https://api.botframework.com', callerId: '', connectorFactory: factory(appId) };
    },
    createConnectorFactory: (claims: ClaimsIdentity) => factory(String(claims.claims.find((c) => c.type === 'appid')?.value ?? '')),
    createUserTokenClient: async (claims: ClaimsIdentity) => {
      const appId = String(claims.claims.find((c) => c.type === 'appid')?.value ?? '');
      userTokenClients.push(appId);
      return { appId };
    },
  } as unknown as BotFrameworkAuthentication;
  const userTokenClients: string[] = [];
  return { auth, created, identity, userTokenClients, failOnce: () => void (failNext = true) };
}

const activity = (serviceUrl: string, bot = 'app-1') => ({ serviceUrl, recipient: { id: bot } }) as unknown as Activity;

describe('withConnectorCache', () => {
  async function clientFor(auth: BotFrameworkAuthentication, serviceUrl: string, bot = 'app-1') {
    const result = await auth.authenticateRequest(activity(serviceUrl, bot), '');
    return result.connectorFactory?.create(serviceUrl, result.audience);
  }

  it('creates one client per serviceUrl and bot, and reuses it on later turns and proactive messages', async () => {
    const fake = fakeAuth();
    const auth = withConnectorCache(fake.auth);
    const first = await clientFor(auth, 'https://smba.example/emea/');
    expect(await clientFor(auth, 'https://smba.example/emea/')).toBe(first);
    expect(await auth.createConnectorFactory(fake.identity('app-1')).create('https://smba.example/emea/', 'https://api.botframework.com')).toBe(first);
    await clientFor(auth, 'https://smba.example/amer/');
    await clientFor(auth, 'https://smba.example/emea/', 'app-2');
    expect(fake.created).toEqual([
      'app-1 https://api.botframework.com https://smba.example/emea/',
      'app-1 https://api.botframework.com https://smba.example/amer/',
      'app-2 https://api.botframework.com https://smba.example/emea/',
    ]);
  });

  it('forgets a creation that failed, so the next turn tries again', async () => {
    const fake = fakeAuth();
    const auth = withConnectorCache(fake.auth);
    fake.failOnce();
    await expect(clientFor(auth, 'https://smba.example/')).rejects.toThrow('credentials unavailable');
    await expect(clientFor(auth, 'https://smba.example/')).resolves.toBeDefined();
    expect(fake.created).toHaveLength(1);
  });

  it('keeps at most the configured number of clients, dropping the least recently used', async () => {
    const fake = fakeAuth();
    const auth = withConnectorCache(fake.auth, 2);
    await clientFor(auth, 'https://a.example/');
    await clientFor(auth, 'https://b.example/');
    await clientFor(auth, 'https://a.example/'); // a is now the most recent
    await clientFor(auth, 'https://c.example/'); // b goes
    await clientFor(auth, 'https://a.example/');
    await clientFor(auth, 'https://b.example/');
    expect(fake.created.map((line) => line.split(' ').pop())).toEqual(['https://a.example/', 'https://b.example/', 'https://c.example/', 'https://b.example/']);
  });

  it('dresses each client once, when it is created (the lean connector)', async () => {
    const fake = fakeAuth();
    const wrapped: unknown[] = [];
    const auth = withConnectorCache(fake.auth, { wrap: (client) => (wrapped.push(client), { lean: client } as unknown as ConnectorClient) });
    const first = await clientFor(auth, 'https://smba.example/emea/');
    expect(first).toEqual({ lean: { serviceUrl: 'https://smba.example/emea/' } });
    expect(await clientFor(auth, 'https://smba.example/emea/')).toBe(first);
    expect(wrapped).toHaveLength(1);
  });

  it('keeps one user token client per app id instead of building one every turn', async () => {
    const fake = fakeAuth();
    const auth = withConnectorCache(fake.auth);
    const first = await auth.createUserTokenClient(fake.identity('app-1'));
    expect(await auth.createUserTokenClient(fake.identity('app-1'))).toBe(first);
    expect(await auth.createUserTokenClient(fake.identity('app-2'))).not.toBe(first);
    expect(fake.userTokenClients).toEqual(['app-1', 'app-2']);
  });
});
