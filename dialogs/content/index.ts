// The content loader's public surface: load and validate knowledge, format its problems, publish its JSON Schemas.
export { loadKnowledge, parseKnowledge, type LoadResult, type ParseOptions } from './load';
export { formatProblem, type KnowledgeProblem } from './problems';
export type { KnowledgeFile } from './read-dir';
export { knowledgeJsonSchemas } from './json-schemas';
export type { FileKind } from './kinds';
export { normalizeExample } from './check-intents';
export { translationStamps, type Stamp } from './stamps';
