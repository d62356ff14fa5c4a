// The engine's languages: per language its knowledge, its NLU and its reading of yes/no; which ones it speaks; and
// a classify that, when a message answers nothing in the turn's language, tries the other languages' yes/no words
// (a German conversation answered "no", a Spanish one "ok").
import type { Classification, Knowledge, Understander } from '../types';
import { createAnswerReader, type AnswerReader } from '../nlu/answer';
import { analyzerFor } from '../nlu/analyzer';
import { createSwitchReader, type SwitchReader } from './switch';

export interface LanguageBrain {
  readonly knowledge: Knowledge;
  /** Absent for a notice-only locale (the bot does not speak it). */
  readonly understander?: Understander;
}

export interface Brains {
  /** Spoken languages, the source first. */
  readonly spoken: readonly string[];
  readonly switchTo: SwitchReader;
  knowledgeOf(code: string): Knowledge | undefined;
  /** The turn's classify in a spoken language. */
  classifierOf(code: string): (text: string) => Classification;
}

const codeOf = (k: Knowledge): string => k.language?.code ?? 'en';

export function createBrains(source: Required<LanguageBrain>, others: Readonly<Record<string, LanguageBrain>> = {}): Brains {
  const all = new Map<string, LanguageBrain>([[codeOf(source.knowledge), source]]);
  for (const [code, brain] of Object.entries(others)) if (!all.has(code)) all.set(code, brain);
  const spoken = [...all].filter(([, b]) => b.understander !== undefined && b.knowledge.language?.spoken !== false).map(([code]) => code);
  const readers = new Map<string, AnswerReader>(spoken.map((code) => {
    const spec = all.get(code)?.knowledge.language;
    return [code, createAnswerReader(spec?.answers, analyzerFor(spec).normalize)];
  }));
  const classifiers = new Map<string, (text: string) => Classification>();
  const classifierOf = (code: string) => {
    let classify = classifiers.get(code);
    if (!classify) {
      const understander = (all.get(code)?.understander ?? source.understander) as Understander;
      const elsewhere = [...readers].filter(([c]) => c !== code).map(([, r]) => r);
      classify = (text: string) => {
        const read = understander.classify(text);
        if (read.answer !== undefined || elsewhere.length === 0) return read;
        const answer = elsewhere.map((r) => r(text)).find((a) => a !== undefined);
        return answer ? { ...read, answer } : read;
      };
      classifiers.set(code, classify);
    }
    return classify;
  };
  return {
    spoken,
    switchTo: createSwitchReader([...all.values()].map((b) => b.knowledge)),
    knowledgeOf: (code) => all.get(code)?.knowledge,
    classifierOf,
  };
}
