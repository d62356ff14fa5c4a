// Translations (knowledge/locales/<lang>/): a full Knowledge per locale with the English ids, English where a
// translation is missing (listed in `untranslated`), and the validator's warnings for missing, stale, new and
// orphaned translations as `file:line  path  message`; a translation's shape checked against the English.
import { parseKnowledge, formatProblem, type KnowledgeFile } from '../../dialogs';
import { englishHash } from '../../dialogs/content/english-entries';
import { minimalFiles, problemLines, withFile } from './helpers';

const ES = 'knowledge/locales/es';
const LANGUAGE = 'language:\n  code: es\n  switch: ["en español"]\n  answers:\n    - { answer: "yes", start: ["sí"] }\n';
/** The hash of the minimal fixture's `welcome` reply, as the loader computes it. */
const WELCOME = englishHash({ text: ['Welcome.'], choices: ['It failed', 'A person'], links: [] });

function load(...extra: KnowledgeFile[]) {
  const files = extra.reduce((all, f) => withFile(all, f.path, f.text), minimalFiles());
  return parseKnowledge(files, { root: 'knowledge' });
}

const file = (path: string, text: string): KnowledgeFile => ({ path, text });

describe('locales', () => {
  it('builds the locale with its own texts and examples, the English where it has none, and counts those', () => {
    const result = load(
      file(`${ES}/language.yaml`, LANGUAGE),
      file(`${ES}/bot.yaml`, `replies:\n  welcome:\n    en: ${WELCOME}\n    text: "Bienvenido."\n    choices: { "intent:demo_problem": "Ha fallado" }\n`),
      file(`${ES}/smalltalk.yaml`, `intents:\n  greeting:\n    en: ${englishHash('Say hello')}\n    label: "Saludar"\n    examples: ["hola", "buenas"]\nout_of_scope: ["qué tiempo hace"]\n`),
    );
    if (!result.ok) throw new Error(problemLines(result).join('\n'));
    const es = result.languages.es;
    expect(es.language).toMatchObject({ code: 'es', spoken: true, stemmer: 'es', switch: ['en español'] });
    expect(es.replies.welcome).toEqual({ text: ['Bienvenido.'], choices: [{ label: 'Ha fallado', value: 'intent:demo_problem' }, { label: 'A person', value: 'human' }] });
    expect(es.replies.help).toBe(result.knowledge.replies.help);
    expect(es.intents.find((i) => i.name === 'greeting')).toMatchObject({ label: 'Saludar', examples: ['hola', 'buenas'], source: { file: `${ES}/smalltalk.yaml`, line: 2 } });
    expect(es.outOfScope).toEqual(['qué tiempo hace']);
    expect(es.untranslated).toEqual(expect.arrayContaining(['reply:help', 'intent:thanks', 'step:demo-flow/first_fix', 'flow:demo-flow', 'entity:backup_target', 'contact:default']));
    expect(es.untranslated).not.toContain('reply:welcome');
    expect(es.hash).not.toBe(result.knowledge.hash);
  });

  it('warns of missing, stale, new and orphaned translations, each at its line, and still loads', () => {
    const result = load(
      file(`${ES}/language.yaml`, LANGUAGE),
      file(`${ES}/bot.yaml`, 'replies:\n  welcome:\n    en: 0badc0de\n    text: "Hola."\n  help:\n    en: new\n    text: "Ayuda."\n  farewell_old:\n    en: "12345678"\n    text: "Adiós."\n'),
    );
    if (!result.ok) throw new Error(problemLines(result).join('\n'));
    const lines = result.warnings.map(formatProblem);
    expect(lines).toEqual(expect.arrayContaining([
      `${ES}/bot.yaml:2  replies.welcome  stale translation: the English changed since (en: 0badc0de, now ${WELCOME}; English at knowledge/bot.yaml:4)`,
      `${ES}/bot.yaml:5  replies.help  new translation, not stamped yet (npm run translations -- stamp es; English at knowledge/bot.yaml:9)`,
      `${ES}/bot.yaml:8  replies.farewell_old  no English reply "farewell_old" any more (renamed or removed?): this translation is not used`,
      expect.stringMatching(/^knowledge\/locales\/es\/bot\.yaml:1 {2}replies\.greeting {2}missing translation, the English is used \(write it with en: [0-9a-f]{8}; English at knowledge\/bot\.yaml:\d+\)$/),
      expect.stringMatching(/^knowledge\/locales\/es\/packs\/demo\/flow\.yaml:1 {2}flow\.steps\.first_fix {2}missing translation/),
    ]));
  });

  it('stops on a translation\'s own mistakes, naming the line', () => {
    const result = load(
      file(`${ES}/language.yaml`, 'language:\n  code: de\n'),
      file(`${ES}/bot.yaml`, `replies:\n  welcome:\n    en: ${WELCOME}\n    text: "Hola."\n    chek: 1\n`),
      file(`${ES}/entities.yaml`, 'entities:\n  ios_version:\n    patterns: ["versión (\\\\d+"]\n'),
      file(`${ES}/helpdesk.yaml`, 'helpdesk:\n  timezone: UTC\n  hours: {}\n'),
    );
    expect(problemLines(result)).toEqual([
      `${ES}/bot.yaml:5  replies.welcome.chek  unknown key`,
      `${ES}/entities.yaml:3  entities.ios_version.patterns[0]  invalid regular expression: Unterminated group`,
      `${ES}/helpdesk.yaml:1  (root)  help-desk hours are not words: they stay in the source knowledge only`,
      `${ES}/language.yaml:2  language.code  code "de" in the folder of locale "es"`,
    ]);
  });

  it('only warns of what the English no longer has (an English edit never stops the bot over a locale)', () => {
    const result = load(
      file(`${ES}/language.yaml`, LANGUAGE),
      file(`${ES}/bot.yaml`, `replies:\n  welcome:\n    en: ${WELCOME}\n    text: "Hola."\n    choices: { "intent:nope": "No" }\n`),
      file(`${ES}/entities.yaml`, 'entities:\n  backup_target:\n    values: { cloud: ["la nube"] }\n  colour:\n    values: { red: ["rojo"] }\n'),
    );
    if (!result.ok) throw new Error(problemLines(result).join('\n'));
    expect(result.warnings.map(formatProblem)).toEqual(expect.arrayContaining([
      `${ES}/bot.yaml:5  replies.welcome.choices.intent:nope  no choice with value "intent:nope" in the English reply; expected one of intent:demo_problem, human (not used)`,
      `${ES}/entities.yaml:3  entities.backup_target.values.cloud  no value "cloud" in the English entity; expected one of icloud, computer (not used)`,
      `${ES}/entities.yaml:4  entities.colour  no English entity "colour": a locale adds words to the English entities, it does not define new ones (not used)`,
    ]));
    expect(result.languages.es.replies.welcome.choices).toEqual(result.knowledge.replies.welcome.choices);
  });

  it('checks a locale\'s examples as the English ones: none under two intents', () => {
    const result = load(
      file(`${ES}/language.yaml`, LANGUAGE),
      file(`${ES}/smalltalk.yaml`, `intents:\n  greeting:\n    en: new\n    label: "Hola"\n    examples: ["hola"]\n  thanks:\n    en: new\n    label: "Gracias"\n    examples: ["¡Hola!"]\n`),
    );
    expect(problemLines(result)).toEqual([`${ES}/smalltalk.yaml:9  intents.thanks.examples[0]  example also under intent "greeting" (${ES}/smalltalk.yaml:5)`]);
  });

  it('needs a language.yaml in each locale', () => {
    expect(problemLines(load(file(`${ES}/bot.yaml`, 'replies: {}\n')))).toEqual([`${ES}/language.yaml:1  language  missing file: language.yaml (code: es, its answers and switch phrases)`]);
  });

  it('keeps a notice-only locale (spoken: false) quiet about what it does not translate', () => {
    const result = load(file('knowledge/locales/fr/language.yaml', 'language:\n  code: fr\n  spoken: false\n'));
    if (!result.ok) throw new Error(problemLines(result).join('\n'));
    expect(result.languages.fr.language?.spoken).toBe(false);
    expect(result.warnings.map(formatProblem)).toEqual(['knowledge/locales/fr/language.yaml:1  language  a locale the bot does not speak is there for `language_unsupported` (bot.yaml): it has none']);
  });
});
