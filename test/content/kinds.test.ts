// kinds: a knowledge file's kind comes from its base name, wherever it sits.
import { kindOfFile } from '../../dialogs/content/kinds';

describe('kindOfFile', () => {
  it.each([
    ['knowledge/bot.yaml', 'replies'],
    ['knowledge/smalltalk.yaml', 'intents'],
    ['knowledge/packs/iphone-backup-failed/intents.yaml', 'intents'],
    ['knowledge/packs/iphone-backup-failed/flow.yaml', 'flow'],
    ['knowledge/entities.yaml', 'entities'],
    ['knowledge/escalation.yaml', 'contacts'],
    ['knowledge/helpdesk.yaml', 'helpdesk'],
    ['knowledge\\packs\\x\\flow.yaml', 'flow'],
    ['knowledge/faq.yaml', undefined],
    ['knowledge/Bot.yaml', undefined],
    ['knowledge/constructor', undefined],
  ])('%s is %s', (path, kind) => {
    expect(kindOfFile(path)).toBe(kind);
  });
});
