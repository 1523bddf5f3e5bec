import type { Request, Response } from 'express';
import { z } from 'zod';
import { COMPETENCY_IDS, ITEM_KINDS, LANGS, QUESTION_TYPES, type AnyMeta, type Lang } from '../../domain/bank/schema.js';
import type { StoredItem } from '../../db/bank.js';
import { renderMarkdown } from '../markdown.js';
import { renderPage } from '../render.js';
import { HttpError } from '../middleware/errors.js';

// An unknown filter value is dropped, not an error: filters come from links people edit and share.
const filterSchema = z.object({
  lang: z.enum(LANGS).optional().catch(undefined),
  kind: z.enum(ITEM_KINDS).optional().catch(undefined),
  competency: z.enum(COMPETENCY_IDS).optional().catch(undefined),
  type: z.enum(QUESTION_TYPES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

function competencyTitles(req: Request, lang: Lang): Map<string, string> {
  return new Map(req.ctx.repos.bank.competencies(lang).map((c) => [c.id, c.title]));
}

function summaryRow(item: StoredItem, titles: Map<string, string>) {
  const m = item.meta;
  const competencies =
    m.kind === 'question'
      ? [m.competency]
      : m.kind === 'case' || m.kind === 'task'
        ? m.competencies
        : m.kind === 'competency'
          ? [m.id]
          : [];
  return {
    id: item.id,
    lang: item.lang,
    kind: item.kind,
    title: item.title,
    qtype: m.kind === 'question' ? m.type : null,
    group: m.kind === 'competency' ? m.group : null,
    competencies: competencies.map((c) => titles.get(c) ?? c),
    version: item.version,
  };
}

export function listBank(req: Request, res: Response) {
  const f = filterSchema.parse(req.query);
  const lang = f.lang ?? req.ctx.lang;
  const titles = competencyTitles(req, lang);
  const needle = f.q?.toLocaleLowerCase(lang);
  const items = req.ctx.repos.bank
    .list({ lang, kind: f.kind, competency: f.competency, qtype: f.type })
    .filter((i) => !needle || `${i.title}\n${i.body}`.toLocaleLowerCase(lang).includes(needle))
    .map((i) => summaryRow(i, titles));
  renderPage(res, 'pages/bank/list', req.ctx.t('bank.title'), {
    filters: { lang, kind: f.kind ?? '', competency: f.competency ?? '', type: f.type ?? '', q: f.q ?? '' },
    competencies: [...titles].map(([id, title]) => ({ id, title })),
    kinds: ITEM_KINDS,
    types: QUESTION_TYPES,
    items,
  });
}

const itemParams = z.object({
  lang: z.enum(LANGS),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .max(100),
});

export function showBankItem(req: Request, res: Response) {
  const p = itemParams.safeParse(req.params);
  if (!p.success) throw new HttpError(404, 'errors.not_found');
  const item = req.ctx.repos.bank.get(p.data.id, p.data.lang);
  if (!item) throw new HttpError(404, 'errors.not_found');
  const titles = competencyTitles(req, item.lang);
  const other = LANGS.find((l) => l !== item.lang)!;
  renderPage(res, 'pages/bank/item', item.title, {
    item: { ...summaryRow(item, titles), retired: item.retired, updatedAt: item.updatedAt },
    meta: item.meta as AnyMeta,
    bodyHtml: renderMarkdown(item.body),
    competencyTitle: (id: string) => titles.get(id) ?? id,
    otherLang: req.ctx.repos.bank.get(item.id, other) ? other : null,
  });
}
