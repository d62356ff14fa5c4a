// loadConfig: defaults, parsing, absolute paths, and every problem reported at once.
import { ConfigError, loadConfig } from '../../bot/config';

describe('loadConfig', () => {
  it('fills the defaults from an empty environment', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config).toMatchObject({
      port: 3978, dataDir: '/srv/bot/data', knowledgeDir: '/srv/bot/knowledge', logLevel: 'info',
      allowAnonymous: false, sessionTtlMinutes: 60, transcriptRetentionDays: 30, redactPii: true, corsOrigins: [],
    });
    expect(config.microsoftAppId).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses numbers, flags, lists and credentials; blank values count as unset', () => {
    const config = loadConfig({
      PORT: '8080', DATA_DIR: '/var/lib/bot', ALLOW_ANONYMOUS: 'true', REDACT_PII: '0', CORS_ORIGINS: 'https://a.example, https://b.example',
      MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant',
      SESSION_TTL_MINUTES: '0', REDIS_URL: 'redis://127.0.0.1:6379', SLACK_BOT_TOKEN: '  ', LOG_LEVEL: 'silent',
    });
    expect(config).toMatchObject({
      port: 8080, dataDir: '/var/lib/bot', allowAnonymous: true, redactPii: false, corsOrigins: ['https://a.example', 'https://b.example'],
      microsoftAppId: 'app-id', microsoftAppType: 'SingleTenant', sessionTtlMinutes: 0, redisUrl: 'redis://127.0.0.1:6379', logLevel: 'silent',
    });
    expect(config.slackBotToken).toBeUndefined();
  });

  it('reports every problem at once, by variable name', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', REDIS_URL: 'http://x', SESSION_TTL_MINUTES: '-5', MicrosoftAppType: 'Other' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'LOG_LEVEL', 'REDIS_URL', 'SESSION_TTL_MINUTES', 'MicrosoftAppType']) expect(problems).toContain(name);
  });

  it.each([
    [{ PORT: '70000' }, /PORT/],
    [{ MicrosoftAppPassword: 'secret' }, /MicrosoftAppPassword: set without MicrosoftAppId/],
    [{ HELPDESK_KIND: 'webhook' }, /HELPDESK_URL/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
