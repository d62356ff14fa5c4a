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
  'person_none', // a person asked for, none configured: Apple Support ({call}) and the summary
  'handoff_waiting', // a person asked for again while one is on the way
  'ticket_ask_email', // help desk by ticket only: the email to answer; choices: without email (no), never mind (resume)
  'ticket_email_again', // not an email address: ask again
  'ticket_sent', // the ticket is made, answer by email ({desk_hours}, {call})
  'ticket_no_email', // the ticket is made without an email: the desk cannot answer
  'ticket_already', // a ticket was already made
  'apple_contact', // Apple Support asked for: {call} and the contact's links
  'apple_appointment', // a Genius Bar / repair appointment: how to book
  'after_escalation', // "still broken" after the escalation: the way forward again
  'contact_call', // "call {contact_name} on {phone}" inside other replies ({call})
  'contact_page', // {call} when no verified number exists: the contact page
  'fallback_nobody', // second misunderstanding with no help desk: Apple Support instead of a person
  'last_check', // before escalating, fixes kept back by an unknown fact: "does one of these fit?" (+ its own "no")
  'going_in_circles', // a third identical reply in a row: a way out instead
  'disambiguate_none', // "neither" to "did you mean": other words, main topics as choices
  'skip_ack', // "skip this one": {step} left out
  'going_back', // "go back": {step} again
  'no_previous', // "go back" at the first step
  'steps_overview', // heading of the list of steps (in a flow)
  'steps_preview', // heading of the list of steps (no flow yet)
  'overview_current', // the current step's line in that list ({step})
  'overview_left', // a step still to come ({step})
  'show_me_how', // the label of a step's "show me how" button
  'confirm_step', // before a step that warns first: {warning}, then go ahead? (yes / next / human)
  'later', // "I'll try later": {step} stays open
  'later_idle', // "later" with nothing in progress
  'tried_which', // "I tried everything": which ones (checklist); the first choice is the submit button
  'tried_ack', // after the checklist: those are skipped
  'error', // infrastructure failure apology (the edge sends it)
  'rate_limited', // too many messages too fast (the edge sends it)
] as const;

export type ReplyId = (typeof REQUIRED_REPLY_IDS)[number];
