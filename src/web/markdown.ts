import { lazyPackage } from '../domain/lazy.js';
import { marked } from 'marked';
import type SanitizeHtml from 'sanitize-html';

// sanitize-html (with postcss and htmlparser2) is loaded on the first page that shows Markdown, not at start-up.
const sanitizeHtml = lazyPackage<typeof SanitizeHtml>('sanitize-html');

const ALLOWED = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'b',
    'i',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'h3',
    'h4',
    'h5',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Headings inside items sit below the page's own h1/h2.
  transformTags: { h1: 'h3', h2: 'h3' },
};

/** The only way Markdown reaches a page: parsed, then sanitized, so content can never inject script. */
export function renderMarkdown(md: string): string {
  return sanitizeHtml()(marked.parse(md, { async: false, gfm: true }), ALLOWED);
}
