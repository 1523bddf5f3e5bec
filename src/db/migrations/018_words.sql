-- Users get the same stored department key as vacancies (011): the department list and any comparison in SQL
-- fold Cyrillic case the way JavaScript does (domain/policy.ts departmentKey), not as NOCASE (ASCII only).
ALTER TABLE users ADD COLUMN department_key TEXT NOT NULL DEFAULT '';
UPDATE users SET department_key = kam_department_key(department);
CREATE INDEX users_department_key ON users (department_key);

-- A checklist item's labels outlive the item: the history and the audit log name a deleted item by its label,
-- never by its key.
CREATE TABLE checklist_item_labels (
  vacancy_id INTEGER NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  label_ru TEXT NOT NULL,
  label_en TEXT NOT NULL,
  PRIMARY KEY (vacancy_id, key)
);
CREATE TRIGGER checklist_item_labels_keep BEFORE DELETE ON vacancy_checklist_items
BEGIN
  INSERT INTO checklist_item_labels (vacancy_id, key, label_ru, label_en) VALUES (OLD.vacancy_id, OLD.key, OLD.label_ru, OLD.label_en)
  ON CONFLICT (vacancy_id, key) DO UPDATE SET label_ru = excluded.label_ru, label_en = excluded.label_en;
END;
