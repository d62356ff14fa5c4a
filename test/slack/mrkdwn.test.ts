// Markdown → Slack mrkdwn: bold, links, lists and escaping of Slack's control characters.
import { escapeSlack, toMrkdwn, unescapeSlack } from '../../bot/slack/mrkdwn';

describe('toMrkdwn', () => {
  it.each([
    ['Open **Settings**', 'Open *Settings*'],
    ['__bold__ and *italic*', '*bold* and _italic_'],
    ['See [Apple Support](https://support.apple.com/contact)', 'See <https://support.apple.com/contact|Apple Support>'],
    ['[a|b](https://x.test/?q=1&r=2)', '<https://x.test/?q=1&r=2|a¦b>'],
    ['[click](javascript:alert(1))', '[click](javascript:alert(1))'],
    ['- one\n- two', '• one\n• two'],
    ['## Heading', '*Heading*'],
    ['a < b & c > d', 'a &lt; b &amp; c &gt; d'],
    ['<!channel> hi <@U123>', '&lt;!channel&gt; hi &lt;@U123&gt;'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['run `backup` now', 'run `backup` now'],
    ['2 * 3 * 4', '2 * 3 * 4'],
    ['Open **Settings › [your name] › iCloud**', 'Open *Settings › [your name] › iCloud*'],
  ])('converts %j', (markdown, expected) => {
    expect(toMrkdwn(markdown)).toBe(expected);
  });

  it('round-trips escaping', () => {
    const text = 'Tom & Jerry <b>"quoted"</b>';
    expect(unescapeSlack(escapeSlack(text))).toBe(text);
  });
});
