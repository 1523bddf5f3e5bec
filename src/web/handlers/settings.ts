import type { Request, Response } from 'express';
import { employerFormSchema, type Employer } from '../../domain/employer.js';
import { audit } from '../audit.js';
import { flash } from '../middleware/context.js';
import { renderPage } from '../render.js';
import { parseForm, type FieldErrors } from '../validation.js';

// Admin: the employer and the contact person that candidates see on their task page.
const FIELDS = ['company_ru', 'company_en', 'contact_ru', 'contact_en', 'email', 'phone'] as const;

function show(req: Request, res: Response, values: Record<string, unknown>, errors: FieldErrors, status = 200) {
  const { t } = req.ctx;
  res.status(status);
  renderPage(res, 'pages/admin/settings', t('employer.title'), {
    values,
    errors,
    errorLinks: FIELDS.filter((f) => errors[f]).map((f) => ({
      href: `#f-${f}`,
      text: `${t(`employer.${f}`)}: ${t(errors[f]!.key, errors[f]!.params)}`,
    })),
  });
}

const toForm = (e: Employer) => ({
  company_ru: e.companyRu,
  company_en: e.companyEn,
  contact_ru: e.contactRu,
  contact_en: e.contactEn,
  email: e.email,
  phone: e.phone,
});

export function settingsPage(req: Request, res: Response) {
  show(req, res, toForm(req.ctx.repos.employer.get()), {});
}

export function saveSettings(req: Request, res: Response) {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const parsed = parseForm(employerFormSchema, body);
  // Every typed word is kept on an error; nothing is saved until the whole form is right.
  if (!parsed.ok)
    return show(req, res, Object.fromEntries(FIELDS.map((f) => [f, typeof body[f] === 'string' ? body[f] : ''])), parsed.errors, 422);
  const { repos } = req.ctx;
  const before = repos.employer.get();
  repos.transaction(() => {
    repos.employer.set(parsed.data);
    const changed = Object.fromEntries(
      (Object.keys(parsed.data) as (keyof Employer)[])
        .filter((k) => before[k] !== parsed.data[k])
        .map((k) => [k, { from: before[k], to: parsed.data[k] }]),
    );
    audit(req, 'settings.employer', undefined, changed);
  });
  flash(req, 'ok', 'employer.saved');
  res.redirect('/admin/settings');
}
