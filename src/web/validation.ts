import type { z } from 'zod';
import { parseMsg } from '../domain/messages.js';

export interface FieldError {
  key: string;
  params?: Record<string, unknown>;
}
export type FieldErrors = Record<string, FieldError>;

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  // An i18n key (`errors.required`, `offers.err_reason?max=5`, `mail.errors.placeholder`) rather than zod's own English sentence.
  if (/^[a-z_]+(\.[a-z0-9_]+)+(\?|$)/.test(issue.message)) {
    const { key, params } = parseMsg(issue.message);
    const all: Record<string, unknown> = { ...params };
    if ('minimum' in issue) all.min ??= Number(issue.minimum);
    if ('maximum' in issue) all.max ??= Number(issue.maximum);
    return { key, params: all };
  }
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? { key: 'errors.required' }
        : { key: 'errors.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'errors.too_long', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'errors.choice' };
    case 'invalid_type':
      return { key: issue.input === undefined ? 'errors.required' : 'errors.invalid' };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'errors.email' : 'errors.invalid' };
    default:
      return { key: 'errors.invalid' };
  }
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** One way to validate every form: the first problem per field, keyed by the field's dotted path. */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  // A JSON array or a text body where a form was expected reads as an empty form: field errors, not a bare 422.
  const form = input !== null && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const r = schema.safeParse(form);
  if (r.success) return { ok: true, data: r.data };
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.') || '_form';
    errors[path] ??= toFieldError(issue);
  }
  return { ok: false, errors };
}

/**
 * Links from a form's error summary to each field with a problem (ids as partials/field makes them), each saying
 * which field (its label, when given) and what is wrong. Form-wide errors (`_form`) link to `formAnchor`.
 */
export function errorLinks(
  req: { ctx: { t: (key: string, params?: Record<string, unknown>) => string } },
  errors: FieldErrors,
  labels: Record<string, string>,
  formAnchor = '#main',
) {
  return Object.entries(errors).map(([name, err]) => {
    const message = req.ctx.t(err.key, err.params);
    return {
      href: name === '_form' ? formAnchor : `#f-${name.replace(/[^a-zA-Z0-9_]+/g, '-').replace(/-$/, '')}`,
      text: labels[name] ? `${labels[name]}: ${message}` : message,
    };
  });
}
