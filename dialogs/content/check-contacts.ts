// Cross-checks on escalation contacts and help-desk hours: exactly one `default` contact, regions unique, one help desk.
import { createFirstSeen, filesOf, placeText } from './catalog';
import { problemAt, type ValidFile } from './check-file';
import type { FileKind } from './kinds';
import type { KnowledgeProblem } from './problems';

export function checkContacts(files: readonly ValidFile[], broken: ReadonlySet<FileKind>, root: string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const contactFiles = filesOf(files, 'contacts');
  const regions = createFirstSeen();
  let defaults = 0;
  for (const source of contactFiles) {
    source.data.contacts.forEach((contact, i) => {
      // A number people will call is shown only when someone checked it at its source, and says where and when.
      if (contact.phone !== undefined && (contact.phone_source === undefined || contact.phone_checked === undefined)) {
        problems.push(problemAt(source, ['contacts', i, 'phone'], 'a phone number needs phone_source (the page it was checked on) and phone_checked (YYYY-MM-DD); leave an unverified number out'));
      }
      const path = ['contacts', i, 'region'];
      if (contact.region === 'default') defaults += 1;
      const earlier = regions.claim(contact.region, { file: source.file, line: source.locator.lineAt(path) });
      if (!earlier) return;
      const what = contact.region === 'default' ? 'a second default contact; exactly one is allowed' : `duplicate region "${contact.region}"`;
      problems.push(problemAt(source, path, `${what} (first at ${placeText(earlier.place)})`));
    });
  }
  if (!broken.has('contacts')) {
    if (contactFiles.length === 0) {
      problems.push({ file: `${root}/escalation.yaml`, line: 1, path: 'contacts', message: 'missing file: escalation.yaml with the support contacts' });
    } else if (defaults === 0) {
      problems.push(problemAt(contactFiles[0], ['contacts'], 'no contact with region `default`; exactly one is required'));
    }
  }
  const [first, ...others] = filesOf(files, 'helpdesk');
  for (const source of others) {
    problems.push(problemAt(source, ['helpdesk'], `a second help-desk file (first at ${first.file}); only one is allowed`));
  }
  return problems;
}
