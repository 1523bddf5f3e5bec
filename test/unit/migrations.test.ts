import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate, schemaVersion } from '../../src/db/connection.js';

describe('migrate', () => {
  it('applies each migration once', () => {
    const db = new Database(':memory:');
    const all = listMigrations();
    expect(migrate(db, all)).toBe(all.length);
    expect(migrate(db, all)).toBe(0);
    expect(schemaVersion(db)).toBe(all.at(-1)!.version);
  });

  it('rolls a failing migration back completely', () => {
    const db = new Database(':memory:');
    const bad = [{ version: 1, name: '001_bad.sql', sql: 'CREATE TABLE a (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({ n: 0 });
    expect(schemaVersion(db)).toBe(0);
  });
});
