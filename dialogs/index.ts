// The engine's public surface: the edge (bot/) imports dialogs/ only through this file.
export * from './types';
export * from './content/reply-ids';
