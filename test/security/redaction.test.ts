// Personal data and secrets out of logs, transcripts and tickets: the one redactor (shared with the handoff), the
// logger's deep redaction (REDACT_PII) and secret paths, and transcripts written through the real bot.
import { Writable } from 'node:stream';
import { createLogger, createSilentLogger, fixedFieldsLogger } from '../../bot/logger';
import { readTranscript } from '../../bot/conversation';
import { redactText as handoffRedactText } from '../../bot/handoff/redact';
import { redactDeep, redactPii, redactText } from '../../bot/security/redact';
import { createBfConversation } from '../support/bf-conversation';
import { createFakeBrain } from '../support/fake-engine';
import { startServiceUrlSink } from '../support/service-url-sink';
import { removeDataDir, startBot } from '../support/start-bot';

describe('redactText', () => {
  it('is the handoff redactor: one redactor for the whole bot', () => {
    expect(redactText).toBe(handoffRedactText);
    expect(redactPii).toBe(handoffRedactText);
  });

  it.each([
    ['mail me at jane.doe+backup@example.co.uk please', 'mail me at [email] please'],
    ['call +44 20 7946 0958', 'call [phone]'],
    ['my number is 555-123-4567', 'my number is [phone]'],
    ['serial C02XK1ZJJG5H here', 'serial [serial number] here'],
    ['IMEI 490154203237518', 'IMEI [IMEI]'],
    ['card 4111 1111 1111 1111 ok', 'card [card number] ok'],
  ])('redacts %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'iOS 17.4.1 on my iPhone 15',
    'error -1 and error 4013',
    'card 4111 1111 1111 1112 fails Luhn so it may be anything', // not a valid card number, 16 digits: left alone
    'it has 128 GB free',
    '',
  ])('leaves %j as it is', (input) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('log redaction', () => {
  const capture = (redactPii: boolean) => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _enc, done) => void (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) });
    return { lines, logger: createLogger({ destination, redactPii }) };
  };

  it('blanks secrets wherever they sit', () => {
    const { lines, logger } = capture(false);
    logger.info({ headers: { authorization: 'Bearer abc', cookie: 's=1' }, req: { headers: { authorization: 'Bearer def' } }, token: 't', body: { password: 'p', accessToken: 'a' } }, 'x');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['Bearer abc', 's=1', 'Bearer def', '"t"', '"p"', '"a"']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('redacts personal data in every string field when REDACT_PII is on, and not when off', () => {
    const on = capture(true);
    on.logger.info({ text: 'reach me at a@b.com', nested: { list: ['+1 415 555 0100'] } }, 'unrecognized');
    expect(on.lines[0]).toMatchObject({ text: 'reach me at [email]', nested: { list: ['[phone]'] }, msg: 'unrecognized' });
    const off = capture(false);
    off.logger.info({ text: 'reach me at a@b.com' }, 'unrecognized');
    expect(off.lines[0]).toMatchObject({ text: 'reach me at a@b.com' });
  });

  it('writes the per-turn line through the twin without redacted paths exactly as through the logger', () => {
    for (const pii of [true, false]) {
      const { lines, logger } = capture(pii);
      const turn = { conversation: 'webchat:jane@example.com', channel: 'webchat', kind: 'message', handledBy: 'bot', route: 'flow', intent: 'backup_failed', confidence: 0.9, ms: 1.5 };
      logger.info(turn, 'turn');
      fixedFieldsLogger(logger).info(turn, 'turn');
      const [viaLogger, viaTwin] = lines.map(({ time: _time, ...rest }) => rest);
      expect(fixedFieldsLogger(logger)).not.toBe(logger);
      expect(viaTwin).toEqual(viaLogger);
      expect(viaTwin.conversation).toBe(pii ? 'webchat:[email]' : turn.conversation);
    }
  });

  it('gives no twin for loggers made elsewhere, or once the level was changed', () => {
    const silent = createSilentLogger();
    expect(fixedFieldsLogger(silent)).toBe(silent);
    const { logger } = capture(false);
    logger.level = 'warn';
    expect(fixedFieldsLogger(logger)).toBe(logger);
  });

  it('leaves errors to their serializer and copies instead of mutating', () => {
    const input = { text: 'a@b.com', err: new Error('a@b.com') };
    const out = redactDeep(input) as typeof input;
    expect(out.text).toBe('[email]');
    expect(out.err).toBe(input.err);
    expect(input.text).toBe('a@b.com');
  });
});

describe('transcripts', () => {
  it.each([
    ['on by default', {}, false],
    ['off with REDACT_PII=false', { REDACT_PII: 'false' }, true],
  ])('redacts user lines (%s)', async (_name, env, kept) => {
    const sink = await startServiceUrlSink();
    const bot = await startBot({ brain: createFakeBrain(), env });
    try {
      const chat = createBfConversation(bot, sink);
      await chat.say('my email is jane@example.com');
      const lines = await readTranscript(bot.bot.deps.store.logs, `${chat.build.channelId}:${chat.build.conversationId}`);
      const user = lines.find((l) => l.from === 'user');
      expect(user?.text.includes('jane@example.com')).toBe(kept);
      if (!kept) expect(user?.text).toBe('my email is [email]');
    } finally {
      await bot.stop();
      await removeDataDir(bot.dataDir);
      await sink.close();
    }
  });
});
