// A handoff packet for unit tests: the shape the ConversationService builds, with fields a test can override.
import type { HandoffPacket } from '../../../bot/ports';

export function samplePacket(overrides: Partial<HandoffPacket> = {}): HandoffPacket {
  return {
    id: 'handoff:webchat:dl_1:7',
    conversation: 'webchat:dl_1',
    user: { id: 'u1', name: 'Ada' },
    channel: 'webchat',
    locale: 'en-GB',
    pack: 'iphone-backup-failed',
    steps: [{ stepId: 'check_storage', outcome: 'not_fixed', at: '2026-03-02T10:00:00.000Z' }],
    facts: { iphone_model: 'iPhone 13', error_text: 'mail me at ada@example.com' },
    lastUserWords: 'call me on +44 20 7946 0958',
    summary: ['Free up iCloud storage: not fixed', 'iPhone 13'],
    transcript: [
      { from: 'user', text: 'my backup failed, serial C02XK1ZJJG5H', at: '2026-03-02T09:59:00.000Z', name: 'Ada' },
      { from: 'bot', text: 'Call Apple Support: 0800 107 6285', at: '2026-03-02T09:59:01.000Z' },
    ],
    reason: 'all_fixes_failed',
    createdAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}
