-- Departments are compared by a normalised key (Unicode lower case, trimmed, collapsed spaces, ё = е),
-- the same one JavaScript computes (domain/policy.ts departmentKey): COLLATE NOCASE folded ASCII only,
-- so a Cyrillic department written in another case matched in JavaScript but not in SQL.
-- kam_department_key() is that JavaScript function, registered on the connection before migrating.
ALTER TABLE vacancies ADD COLUMN department_key TEXT NOT NULL DEFAULT '';
UPDATE vacancies SET department_key = kam_department_key(department);
CREATE INDEX vacancies_department_key ON vacancies (department_key);
