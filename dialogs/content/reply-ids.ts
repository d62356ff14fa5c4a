// The shared reply ids the engine and the edge use: knowledge/bot.yaml must define every one (checked by the loader).
export const REQUIRED_REPLY_IDS = [
  'welcome', // first message on conversationUpdate; choices for the main topics
  'help', // what the bot can do
  'greeting', // answer to "hi" when nothing is going on
  'thanks', // answer to "thanks"
  'goodbye', // answer to "bye"
  'fallback', // first misunderstanding: what it can help with, with choices
  'fallback_human', // second misunderstanding in a row: offers a person
  'disambiguate', // "Did you mean …?" — the engine appends the two intents as choices
  'empty_message', // empty text, emoji only, attachment without text
  'did_it_fix', // the question after each step; choices Yes / No / Already tried
  'fixed', // the user said the step fixed it
  'next_step', // bridge before the next step after "no"
  'already_tried', // acknowledges a step already tried; {step}
  'resume', // after an interruption: "Shall we carry on with {step}?"
  'nothing_to_resume', // "carry on" with no flow in progress
  'started_over', // after "start over"
  'stale_choice', // a button from an earlier question: {step} is the current one
  'no_question', // yes/no when nothing was asked
  'pick_up', // coming back after the idle expiry: "pick up where you left off with {step}?"
  'escalation', // every fix failed: {contact_name} {phone} {hours}; the engine adds links and the summary lines
  'summary_title', // heading of the copyable summary of what was tried
  'ask_region', // which country, when the locale doesn't say
  'handoff_requested', // the user asked for a person
  'handoff_queued', // {position}
  'handoff_agent_joined', // {agent}
  'handoff_agent_left',
  'handoff_unavailable', // no agent / outside hours: {contact_name} {phone}
  'handoff_failed',
  'handoff_completed',
  'error', // infrastructure failure apology (the edge sends it)
  'rate_limited', // too many messages too fast (the edge sends it)
] as const;

export type ReplyId = (typeof REQUIRED_REPLY_IDS)[number];
