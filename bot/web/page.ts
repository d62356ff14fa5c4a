// Renders the chat page from bot/web/static/index.html: every placeholder is HTML-escaped, the nonce is per response.
import type { WebAssets } from './assets';
import type { PageWords } from './page-words';

export interface PageOptions {
  /** The bot's name (BOT_NAME), in the header. */
  readonly title: string;
  readonly nonce: string;
  readonly embed: boolean;
  /** The page's language (its `lang`), `en` by default. */
  readonly lang?: string;
  /** The locale Web Chat is given (the page's own, or the host's `data-locale`): its buttons and dates follow it. */
  readonly locale?: string;
  /** The page's words in that language (page-words.ts). */
  readonly words: PageWords;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** URL of Web Chat's bundle: versioned, so it can be cached for a year and still change on upgrade. */
export const webchatPath = (assets: Pick<WebAssets, 'webchatVersion'>): string => `/static/webchat-${assets.webchatVersion}.js`;

export function renderPage(assets: WebAssets, options: PageOptions): string {
  const values: Readonly<Record<string, string>> = {
    lang: options.lang ?? 'en',
    locale: options.locale ?? '',
    title: options.title,
    pageTitle: options.words.title ? `${options.words.title} · ${options.title}` : options.title,
    close: options.words.close,
    nonce: options.nonce,
    bodyClass: options.embed ? 'embed' : 'standalone',
    cssUrl: `/static/chat.css?v=${assets.hashOf('chat.css')}`,
    chatJsUrl: `/static/chat.js?v=${assets.hashOf('chat.js')}`,
    webchatUrl: webchatPath(assets),
  };
  return assets.template
    .replace(/<!--[^]*?-->\n?/, '') // the template's own comment
    .replace(/\{\{(\w+)\}\}/g, (_match, name: string) => escapeHtml(values[name] ?? ''));
}
