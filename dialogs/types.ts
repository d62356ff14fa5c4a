// The engine's vocabulary: the typed knowledge base, a session, one turn's input and its result.
// Everything here is plain, serialisable data; the edge (bot/) converts to and from channels. One file per part.
export type * from './knowledge-types';
export type * from './nlu-types';
export type * from './session-types';
export type * from './turn-types';
