// Languages: the user asked for one ("en español", "English please"), or wrote in one the bot does not speak.
import type { Reply } from '../types';
import type { Outcome, Route, TurnContext } from '../context';
import { createSay } from '../replies';
import { reask } from '../questions';
import { currentStep } from '../flows/runner';
import { presentStep } from '../flows/present';
import { diagnoseQuestion } from '../flows/diagnose';
import { contactFor } from '../region';
import { contactLine } from '../flows/escalation';
import { languageList } from '../language/names';

/** Whatever the conversation waits on, asked again in the new language (a step is shown again, in its words). */
function askAgain(ctx: TurnContext): Outcome | undefined {
  const { session, knowledge, say } = ctx;
  const pending = session.pending;
  const at = currentStep(knowledge, session);
  if (at && (pending === undefined || pending.kind === 'did_it_fix')) return presentStep(ctx, session, at);
  if (pending?.kind === 'diagnose') {
    const flow = knowledge.flows.find((f) => f.id === pending.flowId);
    return flow ? { session, replies: [diagnoseQuestion(flow)] } : undefined;
  }
  const again = reask(say, knowledge, session);
  return again ? { session: again.session, replies: [again.reply] } : undefined;
}

/** "En español, por favor": said in the new language, then what was going on, or the welcome's topics. */
export const switched: Route = {
  name: 'language',
  handle(ctx) {
    if (!ctx.language.asked) return undefined;
    const again = askAgain(ctx);
    const ack = ctx.say.has('language_switched') ? [ctx.say.reply('language_switched', {}, { noChoices: again !== undefined })] : [];
    if (again) return { ...again, replies: [...ack, ...again.replies], misses: 0, route: 'language:asked' };
    return { session: ctx.session, replies: ack.length > 0 ? ack : [ctx.say.reply('welcome')], route: 'language:asked' };
  },
};

const MANY_WORDS = 4;

/**
 * A message in a language the bot does not speak ("ma sauvegarde ne marche pas"): which languages it speaks and Apple
 * Support for the user's country, in that language when knowledge has the line (locales/<lang>/bot.yaml), else in
 * the source language; never "I'm not sure what you mean". A short message that the NLU understood is left alone.
 */
export const unsupported: Route = {
  name: 'language_unsupported',
  handle(ctx) {
    const code = ctx.language.unsupported;
    if (code === undefined || ctx.u.chosen) return undefined;
    const words = ctx.u.text.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').length;
    if (ctx.u.intent !== 'unknown' && words < MANY_WORDS) return undefined;
    const own = ctx.language.knowledgeOf(code);
    const source = ctx.language.knowledgeOf(ctx.language.spoken[0] as string) ?? ctx.knowledge;
    const knowledge = own?.replies.language_unsupported ? own : source;
    const say = createSay(knowledge, ctx.session.turns);
    if (!say.has('language_unsupported')) return undefined;
    const inLanguage = knowledge.language?.code ?? 'en';
    const there: TurnContext = { ...ctx, knowledge, say };
    const vars = { ...contactLine(there), languages: languageList(ctx.language.spoken, inLanguage) };
    const notice: Reply = say.reply('language_unsupported', vars, { kind: 'escalation', links: contactFor(knowledge, ctx.region)?.links ?? [] });
    const again = currentStep(ctx.knowledge, ctx.session) ? reask(ctx.say, ctx.knowledge, ctx.session) : undefined;
    return {
      session: again?.session ?? ctx.session,
      replies: again ? [notice, again.reply] : [notice],
      misses: ctx.session.misses,
      events: [{ type: 'language_unsupported', language: code }],
      route: `language_unsupported:${code}`,
    };
  },
};
