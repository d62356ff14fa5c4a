// The terminal renderer: the shared contract, plus numbered choices and spelled-out links.
import { createPlainTextRenderer } from '../../../bot/renderers/plain-text';
import { describeRendererContract } from './contract';
import { checklist } from './contract-fixtures';

const renderer = createPlainTextRenderer();
describeRendererContract(renderer, { name: 'plain text' });
describeRendererContract(createPlainTextRenderer({ maxTextLength: 200 }), { name: 'plain text, short limit' });

describe('createPlainTextRenderer', () => {
  it('numbers the choices and spells out links and markdown', () => {
    const [text] = renderer.render([
      {
        kind: 'step',
        title: 'Restart your iPhone',
        text: 'Hold **side** and volume, see [the guide](https://support.apple.com/118409).',
        links: [{ title: 'Apple Support', url: 'https://support.apple.com' }],
        choices: [{ label: 'Yes', value: 'yes' }, { label: 'No', value: 'no' }],
      },
    ]);
    expect(text).toBe(
      'Restart your iPhone\n\nHold side and volume, see the guide (https://support.apple.com/118409).\n\n' +
        '- Apple Support: https://support.apple.com\n\n  1) Yes\n  2) No',
    );
  });

  it('offers no buttons: choices are typed as numbers', () => {
    expect(renderer.actions(renderer.render([{ kind: 'text', text: 'x', choices: [{ label: 'Yes', value: 'yes' }] }]))).toEqual([]);
  });

  it('numbers a checklist\'s boxes and prints no submit: the user types the numbers', () => {
    const [text] = renderer.render([checklist([{ label: 'Free up iCloud storage', value: 'step:check_storage' }, { label: 'Update iOS', value: 'step:update_ios' }])]);
    expect(text).toMatch(/\(for example 1 3\)\.\n\n {2}1\) Free up iCloud storage\n {2}2\) Update iOS$/);
  });

  it('prints a detail after the instruction, under its label', () => {
    const [text] = renderer.render([{ kind: 'step', title: 'Update', text: 'Update iOS.', detail: { label: 'Show me how', text: 'Open **Settings**.' } }]);
    expect(text).toBe('Update\n\nUpdate iOS.\n\nShow me how\n\nOpen Settings.');
  });
});
