import type { Repos } from '../db/repos.js';
import type { VacancyCore, VacancyProfile } from '../domain/vacancy.js';
import { auditLine, type Actor } from './audit.js';
import { refreshVacancyScores } from './scores.js';

/** Saves an edited vacancy; its weights and grade matrix feed every candidate's score, so all are refreshed with it. */
export function updateVacancy(repos: Repos, vacancyId: number, core: VacancyCore, profile: VacancyProfile, actor: Actor): void {
  repos.transaction(() => {
    repos.vacancies.update(vacancyId, core, profile);
    const refreshed = refreshVacancyScores(repos, vacancyId);
    auditLine(repos, actor, 'vacancy.update', { type: 'vacancy', id: vacancyId }, { candidates: refreshed });
  });
}
