import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import { bankRepo } from '../../src/db/bank.js';
import { parseBank, type BankSourceFile } from '../../src/domain/bank/parse.js';

const task = (lang: string, title: string) => ({
  path: `${lang}/tasks/task-x.md`,
  content: `---
id: task-x
kind: task
title: ${title}
competencies: [sales_planning]
deadline_days: 3
deliverables: [A plan]
criteria:
  - { id: analysis, text: Analysis, weight: 50 }
  - { id: actions, text: Actions, weight: 50 }
---
Write a plan.
`,
});

const files = (title: string): BankSourceFile[] => [task('ru', title), task('en', title)];

describe('importBank', () => {
  it('is idempotent, versions changes and retires removed items', () => {
    const db = openDatabase(':memory:');
    const repo = bankRepo(db);
    expect(repo.importBank(parseBank(files('Plan')))).toMatchObject({ added: 2, updated: 0 });
    expect(repo.importBank(parseBank(files('Plan')))).toMatchObject({ added: 0, updated: 0, unchanged: 2 });

    expect(repo.importBank(parseBank(files('Plan v2')))).toMatchObject({ updated: 2 });
    const item = repo.get('task-x', 'en')!;
    expect(item.version).toBe(2);
    expect(item.title).toBe('Plan v2');
    const versions = db
      .prepare(
        "SELECT version, json_extract(meta, '$.title') AS title FROM bank_item_versions WHERE id = 'task-x' AND lang = 'en' ORDER BY version",
      )
      .all();
    expect(versions).toEqual([
      { version: 1, title: 'Plan' },
      { version: 2, title: 'Plan v2' },
    ]);

    expect(repo.importBank(parseBank([]))).toMatchObject({ retired: 2 });
    const retired = repo.get('task-x', 'en')!;
    expect(retired.retired).toBe(true);
    expect(repo.tasks('en')).toHaveLength(0);
    expect(repo.list({ lang: 'en', includeRetired: true })).toHaveLength(1);

    expect(repo.importBank(parseBank(files('Plan v2')))).toMatchObject({ restored: 2 });
    expect(repo.get('task-x', 'en')!.retired).toBe(false);
  });
});
