// Which language a turn is answered in. In order: the user asking for one ("en español"); a message clearly written
// in another language the bot speaks; the language the conversation already has (the choice is remembered); the
// channel's locale (es-MX → es); the source language. A message clearly in a language the bot does not speak leaves
// the language as it is and is marked `unsupported`, for the notice that says which languages it speaks.
import type { LanguageBy, LanguageIdentifier, Session, TurnInput } from '../types';
import type { SwitchReader } from './switch';

export interface LanguageChoice {
  readonly language: string;
  readonly by: LanguageBy;
  /** The user asked for a language this turn; `rest` is what else the message says. */
  readonly asked?: { readonly rest: string };
  /** A language the bot does not speak, asked for or clearly written in. */
  readonly unsupported?: string;
}

export interface ChooseOptions {
  /** Languages the bot speaks, the source first. */
  readonly spoken: readonly string[];
  readonly switchTo: SwitchReader;
  readonly identify?: LanguageIdentifier;
}

/** `es-MX` → `es`, `de_DE` → `de`; undefined for anything that is not a language tag. */
export function languageOfLocale(locale: string | undefined): string | undefined {
  const m = typeof locale === 'string' ? /^([A-Za-z]{2,3})(?:[-_]|$)/.exec(locale.trim()) : null;
  return m ? m[1].toLowerCase() : undefined;
}

export function chooseLanguage(session: Session, input: TurnInput, options: ChooseOptions): LanguageChoice {
  const { spoken } = options;
  const speaks = (code: string | undefined): code is string => code !== undefined && spoken.includes(code);
  const fromLocale = languageOfLocale(input.locale);
  const kept = speaks(session.language) ? session.language : undefined;
  // The remembered language, unless it only came from the channel and the channel now says otherwise.
  const followLocale = speaks(fromLocale) && (kept === undefined || (session.languageBy !== 'user' && session.languageBy !== 'text'));
  const current: LanguageChoice = followLocale
    ? { language: fromLocale, by: 'channel' }
    : kept !== undefined
      ? { language: kept, by: session.languageBy ?? 'default' }
      : { language: spoken[0] as string, by: 'default' };
  const text = input.kind === 'message' && typeof input.text === 'string' ? input.text : '';
  if (text.trim() === '') return current;
  const asked = options.switchTo(text);
  if (asked) {
    return speaks(asked.language)
      ? { language: asked.language, by: 'user', asked: { rest: asked.rest } }
      : { ...current, unsupported: asked.language };
  }
  const guess = options.identify?.(text);
  if (!guess?.reliable || guess.language === current.language) return current;
  return speaks(guess.language) ? { language: guess.language, by: 'text' } : { ...current, unsupported: guess.language };
}
