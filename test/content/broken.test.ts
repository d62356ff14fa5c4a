// Broken knowledge fixtures: each one, dropped into the minimal valid set, must produce exactly these lines.
import { readdirSync } from 'node:fs';
import { parseKnowledge } from '../../dialogs';
import { BROKEN_DIR, brokenFixture, minimalFiles, problemLines, withFile } from './helpers';

const PACK = 'knowledge/packs/broken';
const KINDS = 'bot.yaml, smalltalk.yaml, intents.yaml, flow.yaml, entities.yaml, escalation.yaml, helpdesk.yaml, language.yaml';
const ACTIONS = 'yes, no, tried, unsure, human, restart, help, resume, goodbye, apple, appointment, next, back, repeat, steps, later, detail, intent:<name>, step:<id>, region:<CC>';

// [fixture, where it goes in the knowledge set, the exact problem lines]
const CASES: [string, string, string[]][] = [
  ['unknown-key.yaml', 'knowledge/bot.yaml', ['knowledge/bot.yaml:5  replies.welcome.chek  unknown key']],
  ['duplicate-key.yaml', 'knowledge/smalltalk.yaml', ['knowledge/smalltalk.yaml:6  intents.greeting  duplicate key']],
  ['bad-syntax.yaml', 'knowledge/entities.yaml', [
    'knowledge/entities.yaml:6  (yaml)  YAML syntax error: nested mappings are not allowed in compact mappings',
  ]],
  ['missing-reply.yaml', 'knowledge/bot.yaml', ['knowledge/bot.yaml:2  replies.did_it_fix  missing required reply']],
  ['example-two-intents.yaml', `${PACK}/intents.yaml`, [
    `${PACK}/intents.yaml:7  intents.printer_jam.examples[1]  example also under intent "greeting" (knowledge/smalltalk.yaml:6)`,
  ]],
  ['example-out-of-scope.yaml', `${PACK}/intents.yaml`, [
    `${PACK}/intents.yaml:6  intents.weather.examples[0]  example also in out_of_scope (knowledge/smalltalk.yaml:15)`,
  ]],
  ['duplicate-intent-name.yaml', `${PACK}/intents.yaml`, [
    `${PACK}/intents.yaml:3  intents.greeting  duplicate intent name (first at knowledge/smalltalk.yaml:3)`,
  ]],
  ['wrong-type.yaml', `${PACK}/intents.yaml`, [
    `${PACK}/intents.yaml:5  intents.printer_jam.examples  expected a list, got text "my printer is jammed"`,
  ]],
  ['flow-missing-intent.yaml', `${PACK}/flow.yaml`, [`${PACK}/flow.yaml:5  flow.triggers[1]  unknown intent "nope"`]],
  ['duplicate-step-id.yaml', `${PACK}/flow.yaml`, [
    `${PACK}/flow.yaml:9  flow.steps[1].id  duplicate step id "restart" (first at line 6)`,
  ]],
  ['next-missing-step.yaml', `${PACK}/flow.yaml`, [
    `${PACK}/flow.yaml:9  flow.steps[0].next  unknown step "update_ios"; expected a step id of this flow or "escalate"`,
  ]],
  ['next-cycle.yaml', `${PACK}/flow.yaml`, [
    `${PACK}/flow.yaml:12  flow.steps[1].next  cycle restart → reset → restart never reaches a fix or escalation`,
  ]],
  ['when-unknown-value.yaml', `${PACK}/flow.yaml`, [
    `${PACK}/flow.yaml:9  flow.steps[0].when.backup_target[0]  unknown value "floppy" for entity backup_target; expected one of icloud, computer`,
    `${PACK}/flow.yaml:9  flow.steps[0].when.colour  unknown entity "colour"; expected one of backup_target, ios_version`,
  ]],
  ['choice-unknown-intent.yaml', `${PACK}/bot.yaml`, [
    `${PACK}/bot.yaml:6  replies.extra.choices[0].value  unknown intent "nope"`,
    `${PACK}/bot.yaml:7  replies.extra.choices[1].value  unknown step "nowhere"`,
    `${PACK}/bot.yaml:8  replies.extra.choices[2].value  unknown action "maybe"; expected one of ${ACTIONS}`,
  ]],
  ['reply-text-list.yaml', `${PACK}/bot.yaml`, [`${PACK}/bot.yaml:6  replies.extra.text[1]  expected text, got a number (42)`]],
  ['bad-regex.yaml', `${PACK}/entities.yaml`, [
    `${PACK}/entities.yaml:5  entities.serial_number.patterns[0]  invalid regular expression: Unterminated group`,
  ]],
  ['named-group-unknown-value.yaml', `${PACK}/entities.yaml`, [
    `${PACK}/entities.yaml:10  entities.printer_error.patterns[0]  named group "disk_full" is not a value of this entity; add it under values (with a label) or rename the group`,
  ]],
  ['scope-turns-away-example.yaml', `${PACK}/entities.yaml`, [
    'knowledge/packs/demo/intents.yaml:8  intents.storage_full.examples[0]  example names a product outside the bot\'s scope (entity "other_product") and nothing inside it, so it would be read as off-topic: add an inside word (e.g. "iPhone") or drop it',
  ]],
  ['scope-aside-turns-away-example.yaml', `${PACK}/entities.yaml`, [
    'knowledge/packs/demo/intents.yaml:8  intents.storage_full.examples[0]  example names another problem than backing up (entity "other_problem") and neither backing up nor a backup target, so it would be read as off-topic: say "backup" or drop it',
  ]],
  ['two-default-contacts.yaml', `${PACK}/escalation.yaml`, [
    `${PACK}/escalation.yaml:3  contacts[0].region  a second default contact; exactly one is allowed (first at knowledge/escalation.yaml:3)`,
  ]],
  ['bad-contact.yaml', `${PACK}/escalation.yaml`, [
    `${PACK}/escalation.yaml:3  contacts[0].region  must be a two-letter region code (e.g. GB) or \`default\``,
    `${PACK}/escalation.yaml:6  contacts[0].links[0].url  must be an http(s) URL`,
    `${PACK}/escalation.yaml:7  contacts[1].name  missing required key`,
    `${PACK}/escalation.yaml:8  contacts[1].phone  expected text, got a number (18006927753)`,
  ]],
  ['bad-helpdesk.yaml', 'knowledge/helpdesk.yaml', [
    'knowledge/helpdesk.yaml:3  helpdesk.timezone  must be an IANA time zone, e.g. Europe/London',
    'knowledge/helpdesk.yaml:5  helpdesk.hours.mon[0]  must be a "HH:MM-HH:MM" range',
    'knowledge/helpdesk.yaml:6  helpdesk.hours.fun  unknown key',
    'knowledge/helpdesk.yaml:7  helpdesk.holidays[0]  must be a YYYY-MM-DD date',
  ]],
  ['empty-file.yaml', 'knowledge/helpdesk.yaml', ['knowledge/helpdesk.yaml:1  (root)  empty file; expected `helpdesk:`']],
  ['unknown-kind.yaml', `${PACK}/faq.yaml`, [`${PACK}/faq.yaml:1  (root)  unknown file kind; expected one of ${KINDS}`]],
];

describe('broken knowledge fixtures', () => {
  it.each(CASES)('%s as %s reports exactly its problems', (fixture, as, expected) => {
    const result = parseKnowledge(withFile(minimalFiles(), as, brokenFixture(fixture)));
    expect(problemLines(result)).toEqual(expected);
  });

  it('has a case for every fixture file (and a fixture for every case)', () => {
    const files = readdirSync(BROKEN_DIR).filter((name) => name.endsWith('.yaml')).sort();
    expect(CASES.map(([fixture]) => fixture).sort()).toEqual(files);
  });
});
