import type { DB } from './connection.js';
import type { Lang } from '../domain/bank/schema.js';
import type { TemplateKey } from '../domain/mail/message.js';
import type { MailTemplate } from '../domain/mail/render.js';

export interface StoredTemplate extends MailTemplate {
  key: TemplateKey;
  lang: Lang;
  updatedBy: number | null;
  updatedByName: string | null;
  updatedAt: string;
}

interface Row {
  key: TemplateKey;
  lang: Lang;
  subject: string;
  body: string;
  updated_by: number | null;
  updated_by_name: string | null;
  updated_at: string;
}

const toTemplate = (r: Row): StoredTemplate => ({
  key: r.key,
  lang: r.lang,
  subject: r.subject,
  body: r.body,
  updatedBy: r.updated_by,
  updatedByName: r.updated_by_name,
  updatedAt: r.updated_at,
});

/** HR's own versions of the mail templates; no row means the shipped default is in force. */
export function mailTemplatesRepo(db: DB) {
  const SELECT = 'SELECT t.*, u.display_name AS updated_by_name FROM mail_templates t LEFT JOIN users u ON u.id = t.updated_by';
  const get = db.prepare<[string, string], Row>(`${SELECT} WHERE t.key = ? AND t.lang = ?`);
  const all = db.prepare<[], Row>(`${SELECT} ORDER BY t.key, t.lang`);
  const upsert = db.prepare(`INSERT INTO mail_templates (key, lang, subject, body, updated_by) VALUES (@key, @lang, @subject, @body, @by)
    ON CONFLICT (key, lang) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_by = excluded.updated_by,
      updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`);
  const remove = db.prepare('DELETE FROM mail_templates WHERE key = ? AND lang = ?');
  return {
    get: (key: TemplateKey, lang: Lang): StoredTemplate | undefined => {
      const r = get.get(key, lang);
      return r ? toTemplate(r) : undefined;
    },
    all: (): StoredTemplate[] => all.all().map(toTemplate),
    save: (key: TemplateKey, lang: Lang, t: MailTemplate, by: number | null): void => {
      upsert.run({ key, lang, subject: t.subject, body: t.body, by });
    },
    /** Back to the shipped default; true when there was an edited version. */
    reset: (key: TemplateKey, lang: Lang): boolean => remove.run(key, lang).changes > 0,
  };
}
