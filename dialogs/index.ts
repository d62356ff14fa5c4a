// The engine's public surface: the edge (bot/) imports dialogs/ only through this file.
export * from './types';
export * from './content/reply-ids';
export {
  loadKnowledge,
  parseKnowledge,
  normalizeExample,
  formatProblem,
  knowledgeJsonSchemas,
  translationStamps,
  type Stamp,
  type KnowledgeProblem,
  type KnowledgeFile,
  type LoadResult,
  type FileKind,
} from './content';
export { createEngine } from './engine';
export type { EngineOptions, LanguageBrain } from './engine';
export { languageOfLocale } from './language/choose';
export { createLanguageIdentifier, tinyldDetector, plainWords, type Detector, type IdentifierOptions } from './language/identify';
export { languageList } from './language/names';
export { newSession, isSessionValid } from './session';
export * from './nlu';
