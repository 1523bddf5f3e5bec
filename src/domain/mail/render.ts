import type matterFn from 'gray-matter';
import { marked } from 'marked';
import type SanitizeHtml from 'sanitize-html';
import { lazyPackage } from '../lazy.js';
import { lookupVar, type TemplateVars } from './message.js';

/** A mail template: a subject line and a Markdown body, both with {{dotted.placeholders}}. */
export interface MailTemplate {
  subject: string;
  body: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const matter = lazyPackage<typeof matterFn>('gray-matter');
const sanitizeHtml = lazyPackage<typeof SanitizeHtml>('sanitize-html');

const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)\s*\}\}/g;

/** Reads a template file: front matter `subject:` and the Markdown body. */
export function parseTemplateSource(source: string): MailTemplate {
  const parsed = matter()(source, {});
  const subject = typeof parsed.data.subject === 'string' ? parsed.data.subject : '';
  return { subject, body: parsed.content.trim() };
}

/** Every placeholder a template uses, in order of first appearance. */
export function placeholdersOf(template: MailTemplate): string[] {
  const seen = new Set<string>();
  for (const text of [template.subject, template.body]) for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1] as string);
  return [...seen];
}

export class UnknownPlaceholderError extends Error {
  constructor(readonly placeholders: string[]) {
    super(`Unknown placeholder: ${placeholders.map((p) => `{{${p}}}`).join(', ')}`);
  }
}

const escapeMarkdownHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * Fills a template. A placeholder with no value is an error (never an empty hole in a letter to a
 * candidate). Values go into the HTML escaped, so a name can never add markup.
 */
export function renderTemplate(template: MailTemplate, vars: TemplateVars): RenderedMail {
  const missing = placeholdersOf(template).filter((p) => lookupVar(vars, p) === undefined);
  if (missing.length > 0) throw new UnknownPlaceholderError(missing);
  const fill = (text: string, esc: (s: string) => string) =>
    text.replace(PLACEHOLDER, (_m, path: string) => esc(lookupVar(vars, path) as string));
  const subject = fill(template.subject, (s) => s)
    .replace(/\s+/g, ' ')
    .trim();
  const text = fill(template.body, (s) => s);
  const html = sanitizeHtml()(marked.parse(fill(template.body, escapeMarkdownHtml), { async: false, gfm: true }), {
    allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'a', 'h3', 'h4', 'hr', 'table', 'tr', 'td', 'th'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });
  return { subject, text, html };
}

/**
 * Fills the placeholders that have a value and leaves the others as they are: the text HR edits
 * before sending, where some values (the private link of a task not yet created) come at sending.
 */
export function fillKnown(text: string, vars: TemplateVars): string {
  return text.replace(PLACEHOLDER, (m, path: string) => lookupVar(vars, path) ?? m);
}
