// Our knowledge markdown → the subset Teams renders in an Adaptive Card TextBlock (bold, italics, lists, links).
// Teams drops headings, code and HTML there, and a single line break runs lines together, so both are rewritten.

const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s+/;

/**
 * Rewrites text for a Teams TextBlock: headings become bold lines, inline code loses its backticks, list items are
 * separated by `\r` (how Teams keeps list items apart) and other line breaks become paragraph breaks.
 */
export function toTeamsMarkdown(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return paragraphs
    .map((paragraph) => {
      const lines = paragraph
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim() !== '')
        .map((line) => line.replace(/^#{1,6}\s+(.*)$/, '**$1**').replace(/`([^`]+)`/g, '$1'));
      let out = '';
      lines.forEach((line, i) => {
        if (i > 0) out += LIST_ITEM.test(line) && LIST_ITEM.test(lines[i - 1]) ? '\r' : '\n\n';
        out += line;
      });
      return out;
    })
    .filter(Boolean)
    .join('\n\n');
}
