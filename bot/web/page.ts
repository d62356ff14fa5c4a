// Renders the chat page from bot/web/static/index.html: every placeholder is HTML-escaped, the nonce is per response.
import type { WebAssets } from './assets';

export interface PageOptions {
  readonly title: string;
  readonly nonce: string;
  readonly embed: boolean;
  readonly lang?: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** URL of Web Chat's bundle: versioned, so it can be cached for a year and still change on upgrade. */
export const webchatPath = (assets: Pick<WebAssets, 'webchatVersion'>): string => `/static/webchat-${assets.webchatVersion}.js`;

export function renderPage(assets: WebAssets, options: PageOptions): string {
  const values: Readonly<Record<string, string>> = {
    lang: options.lang ?? 'en',
    title: options.title,
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
