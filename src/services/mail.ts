import { existsSync, readFileSync } from 'node:fs';
import type { Repos } from '../db/repos.js';
import type { Lang } from '../domain/bank/schema.js';
import type { MailAddress, MailAttachment, OutgoingMail, TemplateKey, TemplateVars } from '../domain/mail/message.js';
import { parseTemplateSource, renderTemplate, type MailTemplate } from '../domain/mail/render.js';
import { auditLine, type Actor } from './audit.js';

const TEMPLATES_DIR = new URL('../../mail-templates/', import.meta.url).pathname;

/** The shipped default of a template (mail-templates/<key>.<lang>.md). */
export function defaultTemplate(key: TemplateKey, lang: Lang): MailTemplate {
  return parseTemplateSource(readFileSync(`${TEMPLATES_DIR}${key}.${lang}.md`, 'utf8'));
}

/** The shipped default, or null when none is shipped for this key and language. */
export function defaultTemplateOrNull(key: TemplateKey, lang: Lang): MailTemplate | null {
  return existsSync(`${TEMPLATES_DIR}${key}.${lang}.md`) ? defaultTemplate(key, lang) : null;
}

/** The template in force: HR's edited version when there is one, else the shipped default. */
export function templateFor(repos: Repos, key: TemplateKey, lang: Lang): MailTemplate {
  const edited = repos.mailTemplates.get(key, lang);
  return edited ? { subject: edited.subject, body: edited.body } : defaultTemplate(key, lang);
}

/** HR saves its version of a template (already validated against the template's vocabulary). */
export function saveTemplate(repos: Repos, actor: Actor, key: TemplateKey, lang: Lang, t: MailTemplate): void {
  repos.transaction(() => {
    repos.mailTemplates.save(key, lang, t, actor.userId);
    auditLine(repos, actor, 'mail.template_saved', { type: 'mail_template', id: `${key}.${lang}` });
  });
}

/** Back to the shipped default. */
export function resetTemplate(repos: Repos, actor: Actor, key: TemplateKey, lang: Lang): boolean {
  return repos.transaction(() => {
    const had = repos.mailTemplates.reset(key, lang);
    if (had) auditLine(repos, actor, 'mail.template_reset', { type: 'mail_template', id: `${key}.${lang}` });
    return had;
  });
}

/**
 * Queues a message in the outbox. Call it inside the transaction of the action that caused it:
 * the action and its message land together or not at all. A sender delivers it later.
 */
export function queueMail(repos: Repos, actor: Actor, mail: OutgoingMail): number {
  const id = repos.outbox.add(mail, actor.userId);
  auditLine(repos, actor, 'mail.queued', { type: 'outbox', id }, { kind: mail.kind, candidateId: mail.candidateId ?? null });
  return id;
}

export interface TemplatedMail {
  template: TemplateKey;
  lang: Lang;
  to: MailAddress;
  vars: TemplateVars;
  attachments?: MailAttachment[];
  candidateId?: number | null;
  userId?: number | null;
}

/** Renders the template in force with vars and queues it (throws UnknownPlaceholderError on a hole). */
export function queueTemplatedMail(repos: Repos, actor: Actor, m: TemplatedMail): number {
  const rendered = renderTemplate(templateFor(repos, m.template, m.lang), m.vars);
  return queueMail(repos, actor, {
    kind: m.template,
    lang: m.lang,
    to: m.to,
    ...rendered,
    attachments: m.attachments ?? [],
    candidateId: m.candidateId ?? null,
    userId: m.userId ?? null,
  });
}
