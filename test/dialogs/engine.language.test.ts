// Languages in the engine: the turn's language chosen (the user's request, clear text, the remembered choice, the
// channel's locale), the whole turn in it, the English fallback counted, a language the bot does not speak answered
// honestly, and the handoff story marked with the user's language.
import { createEngine, type Knowledge, type LanguageGuess, type ReplyTemplate } from '../../dialogs';
import { chat, fakeUnderstander, ids, knowledge as source, LIVE, TABLE } from './fixtures';

const english: Knowledge = {
  ...source,
  language: { code: 'en', spoken: true, stemmer: 'en', switch: ['english please'] },
  replies: {
    ...source.replies,
    language_switched: { text: ['[language_switched] English it is.'] },
    language_unsupported: { text: ['[language_unsupported] I speak {languages}; Apple: {call}.'] },
  },
};

/** The fixture in "Spanish": every reply marked ES, except `help`, left in English (as a missing translation is). */
const spanishReplies: Record<string, ReplyTemplate> = Object.fromEntries(Object.entries(english.replies).map(([id, t]) => [
  id, id === 'help' ? t : { ...t, text: t.text.map((x) => x.replace(/^\[(\w+)\]/, '[$1] ES')) },
]));
const spanish: Knowledge = {
  ...english,
  replies: spanishReplies,
  flows: english.flows.map((f) => ({ ...f, steps: f.steps.map((s) => ({ ...s, title: `Título ${s.id}`, say: `Haz ${s.id}.` })) })),
  language: { code: 'es', spoken: true, stemmer: 'es', switch: ['en español'], answers: [{ answer: 'yes', start: ['sí'] }] },
  untranslated: ['reply:help'],
  hash: 'fixture-es',
};
/** French the bot does not speak: only its notice. */
const french: Knowledge = {
  ...english,
  replies: { ...english.replies, language_unsupported: { text: ['[language_unsupported] Je parle {languages} ; Apple : {call}.'] } },
  language: { code: 'fr', spoken: false, stemmer: 'fr', switch: ['en français'] },
  hash: 'fixture-fr',
};

const SPANISH_TABLE = { ayuda: 'help', hola: 'greeting', 'mi copia de seguridad falla': 'backup_failed', sí: { intent: 'yes', answer: 'yes' }, no: { intent: 'no', answer: 'no' }, 'el icloud está lleno': 'storage_full' } as const;
const GUESSES: Readonly<Record<string, LanguageGuess>> = {
  'mi copia de seguridad falla': { language: 'es', reliable: true },
  'el icloud está lleno': { language: 'es', reliable: true },
  'my backup failed': { language: 'en', reliable: true },
  sí: { language: 'es', reliable: false },
  'ma sauvegarde échoue depuis hier soir': { language: 'fr', reliable: true },
};

function engine() {
  return createEngine({
    knowledge: english,
    understander: fakeUnderstander(TABLE),
    languages: { es: { knowledge: spanish, understander: fakeUnderstander(SPANISH_TABLE) }, fr: { knowledge: french } },
    identify: (text) => GUESSES[text.trim().toLowerCase()],
  });
}

describe('engine languages', () => {
  it('speaks the channel locale\'s language from the welcome on, and remembers it', () => {
    const c = chat(engine(), 'es-MX');
    const welcome = c.start();
    expect(welcome.replies[0]?.text).toMatch(/^\[welcome\] ES/);
    expect(welcome.trace).toMatchObject({ language: 'es', languageBy: 'channel' });
    expect(c.session).toMatchObject({ language: 'es', languageBy: 'channel' });
    expect(ids(c.say('mi copia de seguridad falla'))).toEqual(['step:check_storage', 'did_it_fix']);
    expect(c.last.replies[0]).toMatchObject({ title: 'Título check_storage', text: 'Haz check_storage.' });
  });

  it('follows a message clearly in another language it speaks, and says so as an event', () => {
    const c = chat(engine());
    c.start();
    const turn = c.say('mi copia de seguridad falla');
    expect(turn.trace).toMatchObject({ language: 'es', languageBy: 'text', intent: 'backup_failed' });
    expect(turn.events).toContainEqual({ type: 'language_changed', language: 'es', from: 'en', by: 'text' });
    expect(turn.replies[1]?.text).toMatch(/ES/);
  });

  it('never flips on a short message, yet reads its yes in the other language', () => {
    const c = chat(engine(), 'en-GB');
    c.say('my backup failed');
    const answer = c.say('sí');
    expect(answer.trace.language).toBe('en');
    expect(answer.trace.route).toBe('did_it_fix:yes');
  });

  it('switches when asked, acknowledges it, shows the current step again in that language, and keeps the choice', () => {
    const c = chat(engine(), 'en-US');
    c.say('my backup failed');
    const asked = c.say('en español');
    expect(ids(asked)).toEqual(['language_switched', 'step:check_storage', 'did_it_fix']);
    expect(asked.replies[0]?.text).toMatch(/ES/);
    expect(asked.trace).toMatchObject({ language: 'es', languageBy: 'user', route: 'language:asked' });
    expect(c.say('no').trace.language).toBe('es'); // the channel still says en-US: the user's choice wins
    const back = c.say('English please');
    expect(ids(back)).toEqual(['language_switched', 'step:check_wifi', 'did_it_fix']);
    expect(back.replies[0]?.text).toBe('[language_switched] English it is.');
  });

  it('reads the rest of a message that asks for a language in that language', () => {
    const turn = chat(engine()).say('En español: el icloud está lleno');
    expect(turn.trace).toMatchObject({ language: 'es', intent: 'storage_full' });
    expect(ids(turn)).toEqual(['step:check_storage', 'did_it_fix']);
  });

  it('tells someone writing a language it does not speak which ones it does, in their language, with Apple Support', () => {
    const c = chat(engine(), 'fr-FR');
    const turn = c.say('ma sauvegarde échoue depuis hier soir');
    expect(turn.replies[0]?.text).toBe('[language_unsupported] Je parle anglais et espagnol ; Apple : see the contact page of Apple Support.');
    expect(turn.replies[0]?.links).toEqual([{ title: 'Contact', url: 'https://support.apple.com/contact' }]);
    expect(turn.events).toContainEqual({ type: 'language_unsupported', language: 'fr' });
    expect(turn.trace.route).toBe('language_unsupported:fr');
    expect(c.session?.language).toBe('en');
    expect(c.session?.misses).toBe(0);
  });

  it('counts each text shown in English for want of a translation', () => {
    const turn = chat(engine(), 'es-ES').say('ayuda');
    expect(turn.trace.fallbacks).toEqual(['reply:help']);
    expect(turn.events).toContainEqual({ type: 'untranslated', language: 'es', texts: ['reply:help'] });
    expect(chat(engine(), 'es-ES').say('hola').trace.fallbacks).toBeUndefined();
  });

  it('marks the handoff story with the user\'s language for the agent', () => {
    const c = chat(engine(), 'es-ES', undefined, { handoff: LIVE });
    c.say('mi copia de seguridad falla');
    const handoff = c.say('talk to a person').effects.find((e) => e.type === 'handoff');
    expect(handoff).toMatchObject({ story: { language: 'es', reason: 'user_asked' } });
  });

  it('stays in the source language with no other language and no locale', () => {
    const only = createEngine({ knowledge: english, understander: fakeUnderstander(TABLE) });
    const turn = only.turn(undefined, { kind: 'message', text: 'mi copia de seguridad falla', locale: 'es-ES', now: '2025-01-01T09:00:00.000Z' });
    expect(turn.trace).toMatchObject({ language: 'en', languageBy: 'default', route: 'fallback' });
  });
});
