import type { Request } from 'express';
import { myTasks } from '../services/my-tasks.js';
import { zoneOf } from '../domain/zone.js';
import { formatters } from './i18n.js';
import type { CurrentUser } from './types.js';

/** "My tasks" for the home page partial (views/partials/my-tasks.ejs): entries and times in the user's zone. */
export function myTasksView(req: Request, user: CurrentUser) {
  const { repos, lang } = req.ctx;
  const zone = zoneOf(repos.reminders.settings(user.id) ?? {});
  return { entries: myTasks(repos, user, lang, new Date()), fmt: formatters(lang, zone), zone };
}
