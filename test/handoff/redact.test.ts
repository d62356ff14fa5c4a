// PII redaction for tickets and transcripts: personal data becomes a label; versions, years and error codes stay.
import { redactPacket, redactText } from '../../bot/handoff';
import { samplePacket } from './support/packets';

describe('redactText', () => {
  it.each([
    ['mail me at john.doe+x@example.co.uk now', 'mail me at [email] now'],
    ['call +44 20 7946 0958 please', 'call [phone] please'],
    ['or (020) 7946 0958', 'or [phone]'],
    ['my mobile 07946095811', 'my mobile [phone]'],
    ['US 415-555-2671', 'US [phone]'],
    ['card 4111 1111 1111 1111', 'card [card number]'],
    ['card 4111-1111-1111-1111!', 'card [card number]!'],
    ['IMEI 352099001761481', 'IMEI [IMEI]'],
    ['IMEI 35 209900 176148 1', 'IMEI [IMEI]'],
    ['serial C02XK1ZJJG5H', 'serial [serial number]'],
    ['serial number H7Q4L2X9WP', 'serial number [serial number]'],
  ])('%s → %s', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'iOS 17.4.1 on an iPhone 15 Pro',
    'error 4294967295 in 2024',
    'backup failed at 10:45 on 02/03',
    'ICLOUDFULL and BACKUPFAIL are words',
    'only 512 MB free of 5 GB',
  ])('leaves "%s" alone', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactPacket', () => {
  it("redacts the user's words everywhere, and keeps the bot's lines (support numbers) as they are", () => {
    const packet = redactPacket(samplePacket());
    expect(packet.facts.error_text).toBe('mail me at [email]');
    expect(packet.lastUserWords).toBe('call me on [phone]');
    expect(packet.transcript[0].text).toBe('my backup failed, serial [serial number]');
    expect(packet.transcript[1].text).toBe('Call Apple Support: 0800 107 6285');
    expect(packet.steps).toEqual(samplePacket().steps);
  });
});
