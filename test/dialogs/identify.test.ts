// The language identifier: the knowledge's own words decide messages about its topics, a general detector the rest,
// and short messages are never reliable (they must not flip a conversation's language).
import { createLanguageIdentifier, type Detector, type Knowledge } from '../../dialogs';
import { knowledge as base } from './fixtures';

const withExamples = (code: string, examples: string[]): Knowledge => ({
  ...base,
  intents: [{ name: 'backup_failed', label: 'x', examples, source: { file: 'f', line: 1 } }],
  outOfScope: [],
  language: { code, spoken: true, stemmer: code, switch: [] },
});
const en = withExamples('en', ['my iphone backup failed', 'the backup does not finish', 'icloud is full', 'still failing after the restart']);
const es = withExamples('es', ['mi copia de seguridad del iphone falla', 'la copia no termina', 'el icloud está lleno', 'sigue fallando después de reiniciar']);

/** A detector that answers from a table, and records what it was asked. */
function detector(table: Record<string, { lang: string; accuracy: number }>): Detector & { calls: string[] } {
  const calls: string[] = [];
  return Object.assign((text: string) => (calls.push(text), table[text] ? [table[text]] : []), { calls });
}

describe('language identifier', () => {
  it('reads a message about its topics by the knowledge\'s words, whatever a general detector says', () => {
    const identify = createLanguageIdentifier({ spoken: [en, es], detector: detector({ 'la copia sigue fallando': { lang: 'pt', accuracy: 0.2 } }) });
    expect(identify('la copia sigue fallando')).toEqual({ language: 'es', reliable: true });
    expect(identify('the backup is still failing')).toEqual({ language: 'en', reliable: true });
  });

  it('calls a short message unreliable, so it never flips the conversation', () => {
    const identify = createLanguageIdentifier({ spoken: [en, es], detector: detector({ sí: { lang: 'es', accuracy: 1 }, 'ok': { lang: 'en', accuracy: 1 } }) });
    for (const text of ['sí', 'ok', 'iCloud', 'la copia']) expect(identify(text)?.reliable ?? false).toBe(false);
  });

  it('names a language it does not speak when the detector is sure and the knowledge knows few of the words', () => {
    const text = 'ma sauvegarde ne fonctionne plus depuis hier';
    const identify = createLanguageIdentifier({ spoken: [en, es], notices: ['fr'], detector: detector({ [text]: { lang: 'fr', accuracy: 0.9 } }) });
    expect(identify(text)).toEqual({ language: 'fr', reliable: true });
  });

  it('trusts neither opinion when the detector is shaky and the knowledge\'s words are few', () => {
    const text = 'kannst du mir bitte schnell helfen';
    const identify = createLanguageIdentifier({ spoken: [en, es], detector: detector({ [text]: { lang: 'de', accuracy: 0.05 } }) });
    expect(identify(text)?.reliable).toBe(false);
  });

  it('asks the detector only about the languages it speaks, its notices and a few common ones', () => {
    const seen: (readonly string[])[] = [];
    const identify = createLanguageIdentifier({ spoken: [en, es], notices: ['nl'], detector: (_t, only) => (seen.push(only), []) });
    identify('something else entirely here, and more');
    expect(seen[0]?.slice(0, 3)).toEqual(['en', 'es', 'nl']);
    expect(seen[0]).toContain('fr');
  });

  it('names a language by its script when most of the letters are in one the bot does not speak', () => {
    const identify = createLanguageIdentifier({ spoken: [en, es], detector: () => [] });
    expect(identify('我的手机备份一直失败了')).toEqual({ language: 'zh', reliable: true });
    expect(identify('装了这个以后 iCloud 备份就失败')).toEqual({ language: 'zh', reliable: true });
    expect(identify('バックアップが失敗しました')).toEqual({ language: 'ja', reliable: true });
    expect(identify('резервная копия не создаётся')).toEqual({ language: 'ru', reliable: true });
    // A few foreign letters in an English message (an app's name) leave it English.
    expect(identify('my iphone backup failed after installing 微信 yesterday')?.language).not.toBe('zh');
  });
});
