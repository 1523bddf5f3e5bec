import { z } from 'zod';
import { phoneE164 } from './contacts.js';
import type { Lang } from './bank/schema.js';

/**
 * Who the candidate deals with: the employer's name and a contact person, shown on every page a candidate opens
 * (the take-home task link). Names in both languages (the candidate reads the task in its language); e-mail and
 * phone are the same in both.
 */
export interface Employer {
  companyRu: string;
  companyEn: string;
  contactRu: string;
  contactEn: string;
  email: string;
  phone: string;
}

export const EMPTY_EMPLOYER: Employer = { companyRu: '', companyEn: '', contactRu: '', contactEn: '', email: '', phone: '' };

const text = (max: number) => z.string().trim().max(max, 'errors.too_long');

/** The admin's form: the company name at least in one language; a contact by e-mail or phone, or none at all. */
export const employerFormSchema = z
  .object({
    company_ru: text(200),
    company_en: text(200),
    contact_ru: text(200),
    contact_en: text(200),
    email: text(200).refine((v) => v === '' || z.email().safeParse(v).success, 'errors.email'),
    phone: text(40).refine((v) => v === '' || phoneE164(v) !== null, 'errors.phone'),
  })
  .superRefine((v, ctx) => {
    if (!v.company_ru && !v.company_en) ctx.addIssue({ code: 'custom', path: ['company_ru'], message: 'employer.company_required' });
    if ((v.contact_ru || v.contact_en) && !v.email && !v.phone)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'employer.reach_required' });
  })
  .transform(
    (v): Employer => ({
      companyRu: v.company_ru,
      companyEn: v.company_en,
      contactRu: v.contact_ru,
      contactEn: v.contact_en,
      email: v.email,
      phone: v.phone,
    }),
  );

const storedSchema = z.object({
  companyRu: z.string(),
  companyEn: z.string(),
  contactRu: z.string(),
  contactEn: z.string(),
  email: z.string(),
  phone: z.string(),
});

/** The stored settings, or empty ones when nothing (or something unreadable) is stored. */
export function parseEmployer(json: string | undefined): Employer {
  if (!json) return EMPTY_EMPLOYER;
  try {
    const r = storedSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : EMPTY_EMPLOYER;
  } catch {
    return EMPTY_EMPLOYER;
  }
}

/** What a candidate reading `lang` sees; null when the employer is not set up (nothing to show). */
export function employerFor(e: Employer, lang: Lang) {
  const company = lang === 'ru' ? e.companyRu || e.companyEn : e.companyEn || e.companyRu;
  if (!company) return null;
  const contact = lang === 'ru' ? e.contactRu || e.contactEn : e.contactEn || e.contactRu;
  return { company, contact: contact || null, email: e.email || null, phone: e.phone || null, tel: e.phone ? phoneE164(e.phone) : null };
}
