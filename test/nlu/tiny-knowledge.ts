// A tiny, hand-written Knowledge for NLU tests: three intents, off-topic examples and two entities.
import type { Intent, Knowledge } from '../../dialogs';

const intent = (name: string, examples: string[]): Intent => ({ name, label: name, examples, source: { file: 'knowledge/test.yaml', line: 1 } });

export function tinyKnowledge(hash = 'tiny-hash'): Knowledge {
  return {
    replies: {},
    intents: [
      intent('storage_full', [
        'my icloud storage is full', 'not enough icloud storage', 'icloud is full', 'storage full cannot back up',
        'how do i free up icloud space', 'out of space on icloud', 'need more icloud storage', 'delete old backups to make room',
        'icloud says storage almost full', 'my cloud storage ran out', 'manage storage in icloud', 'buy more storage',
      ]),
      intent('wifi_problem', [
        'my wifi keeps dropping', 'wifi is not working', 'no wifi connection', 'the wifi connection is weak',
        'backup needs wifi but it keeps disconnecting', 'router problems', 'internet connection is slow', 'wifi signal is bad',
        'cannot connect to wifi', 'my network keeps cutting out', 'wifi drops every few minutes', 'move closer to the router',
      ]),
      intent('greeting', [
        'hi', 'hello', 'hey there', 'good morning', 'hiya', 'hello bot', 'hi there', 'good evening', 'howdy', 'hey',
        'greetings', 'yo',
      ]),
    ],
    outOfScope: [
      'what is the weather tomorrow', 'tell me a joke', 'who won the football', 'how tall is the eiffel tower',
      'recommend a good pizza place', 'what is the capital of france', 'play some music', 'how do i bake bread',
    ],
    entities: [
      { name: 'backup_target', values: { icloud: ['icloud', 'i cloud'], computer: ['computer', 'mac', 'finder', 'itunes', 'mac mini'] } },
      { name: 'ios_version', patterns: ['\\bios\\s*(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\b'] },
      { name: 'iphone_model', patterns: ['\\biphone\\s*(?:1[0-7]|[4-9])(?:\\s*(?:pro\\s*max|pro|plus|mini))?\\b'] },
    ],
    flows: [],
    contacts: [],
    hash,
  };
}
