// Our knowledge markdown → Slack mrkdwn, which differs: *bold*, _italic_, <url|text> links, and &, <, > escaped
// (so text from users or knowledge can never become a mention like <!channel> or a hidden link).

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The reverse of escapeSlack, to read rendered text back (tests, readable text). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;
const BOLD = '\u0001'; // placeholder while single-star italics are rewritten

/** A Slack link `<url|text>`; the url may not hold `|` or `>`, so those are percent-encoded. */
export function slackLink(url: string, title: string): string {
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return `<${safeUrl}|${escapeSlack(title).replace(/\|/g, '¦')}>`;
}

/** Converts one line of inline markdown (already escaped) to mrkdwn. */
function inline(line: string): string {
  return line
    .replace(/\*\*(.+?)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/__(.+?)__/g, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1_$2_')
    .split(BOLD)
    .join('*');
}

/**
 * Markdown (our subset: bold, italics, links, lists, headings, code) to Slack mrkdwn. Everything is escaped first;
 * markdown links with an http(s) or mailto URL become Slack links, others stay as text.
 */
export function toMrkdwn(markdown: string): string {
  const links: string[] = [];
  // Pull links out before escaping, so their URLs are not mangled; put them back as <url|text> at the end.
  const withoutLinks = markdown.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, title: string, url: string) => {
    if (!SAFE_URL.test(url)) return whole;
    links.push(slackLink(url, title));
    return `\u0002${links.length - 1}\u0002`;
  });
  const lines = escapeSlack(withoutLinks.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) return `*${heading[1].replace(/\*\*/g, '')}*`;
      const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
      if (bullet) return `${bullet[1]}• ${inline(bullet[2])}`;
      return inline(line);
    });
  return lines.join('\n').replace(/\u0002(\d+)\u0002/g, (_m, i: string) => links[Number(i)]);
}
