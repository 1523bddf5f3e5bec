import type { DB } from './connection.js';
import type { Role } from '../domain/roles.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  role: Role;
  department: string | null;
  locale: 'ru' | 'en' | null;
  password_hash: string;
  disabled: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  department: string | null;
  passwordHash: string;
}

export interface UserChanges {
  displayName: string;
  email: string | null;
  role: Role;
  department: string | null;
  disabled: boolean;
}

export function usersRepo(db: DB) {
  const stmts = {
    byId: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
    byUsername: db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?'),
    list: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY disabled, role, username'),
    insert: db.prepare(
      `INSERT INTO users (username, display_name, email, role, department, department_key, password_hash)
       VALUES (@username, @displayName, @email, @role, @department, kam_department_key(@department), @passwordHash)`,
    ),
    update: db.prepare(
      `UPDATE users SET display_name = @displayName, email = @email, role = @role, department = @department,
       department_key = kam_department_key(@department), disabled = @disabled, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = @id`,
    ),
    setPassword: db.prepare(`UPDATE users SET password_hash = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`),
    setLocale: db.prepare('UPDATE users SET locale = ? WHERE id = ?'),
    countByRole: db.prepare<[], { role: Role; total: number; active: number }>(
      'SELECT role, COUNT(*) AS total, SUM(disabled = 0) AS active FROM users GROUP BY role',
    ),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
    endSessions: db.prepare("DELETE FROM sessions WHERE json_extract(data, '$.userId') = ?"),
  };
  return {
    findById: (id: number) => stmts.byId.get(id),
    findByUsername: (username: string) => stmts.byUsername.get(username),
    list: () => stmts.list.all(),
    create: (u: NewUser) => Number(stmts.insert.run(u).lastInsertRowid),
    update: (id: number, c: UserChanges) => stmts.update.run({ ...c, disabled: c.disabled ? 1 : 0, id }),
    setPassword: (id: number, hash: string) => stmts.setPassword.run(hash, id),
    setLocale: (id: number, locale: 'ru' | 'en') => stmts.setLocale.run(locale, id),
    countByRole: () => stmts.countByRole.all(),
    count: () => stmts.count.get()!.n,
    /** Signs the user out everywhere, e.g. after a password reset. */
    endSessions: (id: number) => stmts.endSessions.run(id),
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;
