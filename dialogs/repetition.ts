// The same reply never three times in a row: when a turn would repeat the last two word for word (a user asking
// "help" again and again, "go back" at the first step), the bot says it is going round in circles and offers ways out.
import type { Reply, Session } from './types';
import type { Say } from './replies';

/** FNV-1a over the replies' kinds and texts: a short key kept in the session (no text is stored). */
function keyOf(replies: readonly Reply[]): string {
  let h = 0x811c9dc5;
  for (const r of replies) {
    const s = `${r.kind}\u0001${r.title ?? ''}\u0001${r.text}\u0001${(r.lines ?? []).join('\u0002')}\u0003`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The replies to send and the session's record of them; a third identical turn becomes `going_in_circles`. */
export function avoidRepeats(say: Say, session: Session, replies: readonly Reply[]): { replies: readonly Reply[]; session: Session } {
  if (replies.length === 0) return { replies, session };
  const key = keyOf(replies);
  const count = session.echo?.key === key ? session.echo.count + 1 : 1;
  if (count < 3 || !say.has('going_in_circles')) return { replies, session: { ...session, echo: { key, count } } };
  const instead = [say.reply('going_in_circles', {}, { kind: 'question' })];
  return { replies: instead, session: { ...session, echo: { key: keyOf(instead), count: 1 } } };
}
