import type { Request, Response } from 'express';
import { statSync } from 'node:fs';
import { renderPage } from '../render.js';
import { backupsDir, listBackups } from '../../services/backup.js';
import { userOf, type CurrentUser } from '../types.js';
import { vacancyTitle } from '../../domain/vacancy.js';
import type { VacancyListing } from '../../db/vacancies.js';
import type { Lang } from '../../domain/bank/schema.js';
import { canGrade } from '../../domain/policy.js';
import { myTasksView } from '../my-tasks-view.js';

/** Open vacancies shown as cards on HR's home page. */
const HOME_VACANCIES = 12;

function vacancyCard(v: VacancyListing, lang: Lang) {
  return {
    id: v.id,
    title: vacancyTitle(v, lang),
    department: v.department,
    grade: v.targetGrade,
    status: v.status,
    updatedAt: v.updatedAt,
  };
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** Submitted work this user was asked to grade and has not graded yet, in their own department only. */
function toGrade(req: Request, user: CurrentUser) {
  const { repos, lang } = req.ctx;
  return repos.assignments
    .forGrader(user.id)
    .filter((a) => !a.graded && canGrade(user, a, true))
    .filter((a) => repos.assignments.submissions(a.id).length > 0)
    .map((a) => ({
      code: a.code,
      candidateId: a.candidateId,
      title: repos.bank.get(a.itemId, lang)?.title ?? a.itemId,
      deadlineAt: a.deadlineAt,
    }));
}

/**
 * A grading code never appears on a page that shows the same candidate's name (the upcoming
 * interviews): such work is left to the grading list, which shows no names, and only counted here.
 */
function apartFromNames<T extends { candidateId: number }>(items: T[], named: readonly { candidateId: number }[]) {
  const names = new Set(named.map((n) => n.candidateId));
  const shown = items.filter((g) => !names.has(g.candidateId));
  return { shown, hidden: items.length - shown.length };
}

function upcomingFor(req: Request, userId: number) {
  // Yesterday onwards, so an interview that just ended stays in view until its scorecard is done.
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  return req.ctx.repos.interviews.upcomingFor(userId, since);
}

export function showHome(req: Request, res: Response) {
  const { repos, lang, t, config } = req.ctx;
  const user = userOf(req);
  res.locals.myTasks = myTasksView(req, user);
  switch (user.role) {
    case 'hr': {
      const waiting = repos.candidates.waitingByVacancy();
      // The most recently changed open vacancies; a company with fifty open gets a link to the full list instead.
      const open = repos.vacancies.openListings();
      return renderPage(res, 'pages/home/hr', t('home.title'), {
        vacancies: open.slice(0, HOME_VACANCIES).map((v) => ({ ...vacancyCard(v, lang), waiting: waiting.get(v.id) ?? 0 })),
        moreVacancies: Math.max(0, open.length - HOME_VACANCIES),
        awaiting: repos.interviews.awaitingScorecards(),
      });
    }
    case 'department_head': {
      const upcoming = upcomingFor(req, user.id);
      const grading = apartFromNames(toGrade(req, user), upcoming);
      return renderPage(res, 'pages/home/head', t('home.title'), {
        upcoming,
        toGrade: grading.shown.map(({ candidateId: _, ...g }) => g),
        toGradeHidden: grading.hidden,
        department: user.department,
        vacancies: user.department ? repos.vacancies.departmentListings(user.department).map((v) => vacancyCard(v, lang)) : [],
      });
    }
    case 'interviewer':
      return renderPage(res, 'pages/home/interviewer', t('home.title'), { upcoming: upcomingFor(req, user.id) });
    case 'admin': {
      const byRole = repos.users.countByRole();
      return renderPage(res, 'pages/home/admin', t('home.title'), {
        roles: byRole.map((r) => ({ role: r.role, total: r.total, active: r.active })),
        db: {
          file: config.dbFile === ':memory:' ? ':memory:' : config.dbFile,
          dataDir: config.dataDir,
          backups: listBackups(backupsDir(config.dataDir))
            .slice(0, 3)
            .map((b) => ({ name: b.name, bytes: b.bytes, takenAt: b.takenAt.toISOString() })),
          backupsDir: backupsDir(config.dataDir),
          sizeBytes: fileSize(config.dbFile),
        },
        openVacancies: repos.vacancies.openCount(),
        bankCounts: repos.bank.counts(),
      });
    }
  }
}
