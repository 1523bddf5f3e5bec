import type { Request } from 'express';
import type { AuditEntry } from '../db/audit.js';
import { vacancyTitle } from '../domain/vacancy.js';

/**
 * The audit log as a person reads it: the action in words, the subject by its name (a candidate, a vacancy, a
 * user, a task code) with a link, and each detail as a labelled value in the reader's language — codes such as
 * statuses, stages, verdicts, roles and checklist keys become their labels. The stored JSON stays available as a
 * secondary detail for admins.
 */

export interface AuditDetail {
  label: string;
  value: string;
}

export interface AuditLine {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  actionLabel: string;
  subject: { text: string; href: string | null } | null;
  details: AuditDetail[];
  raw: string;
}

type T = Request['ctx']['t'];

/** A message if the locale has it, otherwise null (so a new action shows its code instead of a missing key). */
function known(t: T, key: string, params?: Record<string, unknown>): string | null {
  const out = t(key, params);
  return out === key ? null : out;
}

/** The action in words: `candidate.view` → «Просмотр карточки кандидата». */
export function actionLabel(t: T, action: string): string {
  return known(t, `audit_log.action_${action.replace(/\./g, '_')}`) ?? action;
}

/** An action group (the part before the dot) in words, for the filter. */
export function actionGroupLabel(t: T, group: string): string {
  return known(t, `audit_log.group_${group}`) ?? group;
}

export function describeAudit(req: Request, rows: AuditEntry[]): AuditLine[] {
  const { repos, t, lang } = req.ctx;
  const vacancyLabels = new Map<number, Map<string, { ru: string; en: string }>>();
  const labelsOf = (vacancyId: number | null) => {
    if (vacancyId === null) return new Map<string, { ru: string; en: string }>();
    let m = vacancyLabels.get(vacancyId);
    if (!m) vacancyLabels.set(vacancyId, (m = repos.vacancies.itemLabels(vacancyId)));
    return m;
  };
  const candidateName = (id: number) => repos.candidates.get(id)?.fullName ?? null;
  const vacancyName = (id: number) => {
    const v = repos.vacancies.findSummaryById(id);
    return v ? vacancyTitle(v, lang) : null;
  };
  const userName = (id: number) => {
    const u = repos.users.findById(id);
    return u ? `${u.display_name} (${u.username})` : `#${id}`;
  };
  const numericId = (s: string | null) => (s !== null && /^\d+$/.test(s) ? Number(s) : null);
  const yesNo = (v: boolean) => t(v ? 'audit_log.yes' : 'audit_log.no');

  return rows.map((r) => {
    const id = numericId(r.subjectId);
    // The vacancy whose checklist the entry's item keys belong to.
    let vacancyId: number | null = null;
    let subject: AuditLine['subject'] = null;
    if (r.subjectType && r.subjectId !== null) {
      const fallback = `${t(`audit_log.subject_${r.subjectType}`)} ${id !== null ? `#${id}` : r.subjectId}`;
      switch (r.subjectType) {
        case 'candidate': {
          const c = id !== null ? repos.candidates.get(id) : undefined;
          vacancyId = c?.vacancyId ?? null;
          subject = { text: c ? `${t('audit_log.subject_candidate')} ${c.fullName}` : fallback, href: c ? `/candidates/${c.id}` : null };
          break;
        }
        case 'vacancy': {
          vacancyId = id;
          const name = id !== null ? vacancyName(id) : null;
          subject = { text: name ? `${t('audit_log.subject_vacancy')} «${name}»` : fallback, href: name ? `/vacancies/${id}` : null };
          break;
        }
        case 'assignment': {
          const a = id !== null ? repos.assignments.get(id) : undefined;
          subject = { text: a ? `${t('audit_log.subject_assignment')} ${a.code}` : fallback, href: a ? `/assignments/${a.id}` : null };
          break;
        }
        case 'interview':
          subject = { text: fallback, href: id !== null ? `/interviews/${id}` : null };
          break;
        case 'user': {
          const u = repos.users.findByUsername(r.subjectId);
          subject = {
            text: `${t('audit_log.subject_user')} ${u ? `${u.display_name} (${u.username})` : r.subjectId}`,
            href: u ? `/admin/users/${u.id}` : null,
          };
          break;
        }
        default:
          subject = { text: known(t, `audit_log.subject_${r.subjectType}`) ? fallback : `${r.subjectType} ${r.subjectId}`, href: null };
      }
    }
    const itemLabel = (key: unknown) => {
      const l = labelsOf(vacancyId).get(String(key));
      return l ? l[lang] : String(key);
    };

    // How one value of a field reads, given the action it belongs to.
    const value = (field: string, v: unknown): string => {
      if (v === null || v === undefined || v === '') return '—';
      if (typeof v === 'boolean') return yesNo(v);
      if (Array.isArray(v)) return v.map((x) => value(field, x)).join(', ');
      if (typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('from' in o || 'to' in o) {
          const change = `${value(field, o.from)} → ${value(field, o.to)}`;
          return 'key' in o ? `${itemLabel(o.key)}: ${change}` : change;
        }
        return Object.entries(o)
          .map(([k, x]) => `${k}: ${value(k, x)}`)
          .join(', ');
      }
      const s = String(v);
      const screeningStatus = r.action === 'screening.item' && (field === 'from' || field === 'to' || field === 'proposed');
      if (screeningStatus) return known(t, `screening.status_${s}`) ?? s;
      if (r.action === 'candidate.stage' && (field === 'from' || field === 'to')) return known(t, `pipeline.${s}`) ?? s;
      switch (field) {
        case 'decision':
        case 'proposed':
          return known(t, `verdicts.${s}`) ?? s;
        case 'kind':
        case 'kinds':
          return known(t, `checklist.kind_${s}`) ?? s;
        case 'role':
          return known(t, `roles.${s}`) ?? s;
        case 'key':
          return itemLabel(s);
        case 'candidate':
        case 'candidateId':
          return typeof v === 'number' ? (candidateName(v) ?? `#${v}`) : s;
        case 'vacancy':
          return typeof v === 'number' ? (vacancyName(v) ?? `#${v}`) : s;
        case 'graders':
          return typeof v === 'number' ? userName(v) : /^\d+$/.test(s) ? userName(Number(s)) : s;
        case 'item':
          return repos.bank.get(s, lang)?.title ?? s;
        case 'by':
        case 'via':
          return known(t, `audit_log.${field}_${s}`) ?? s;
        case 'scorecard':
          return `#${s}`;
        default:
          return s;
      }
    };

    const details: AuditDetail[] = Object.entries(r.detail ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([field, v]) => ({ label: known(t, `audit_log.field_${field}`) ?? field, value: value(field, v) }));
    return {
      id: r.id,
      at: r.at,
      userName: r.userName,
      action: r.action,
      actionLabel: actionLabel(t, r.action),
      subject,
      details,
      raw: r.detail ? JSON.stringify(r.detail, null, 1) : '',
    };
  });
}

/** Midnight of a calendar day in a time zone, as a UTC ISO time (for a date range read in the reader's zone). */
export function zonedMidnight(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return new Date(guess - (wall - guess)).toISOString();
}
