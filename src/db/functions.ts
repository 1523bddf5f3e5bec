import type Database from 'better-sqlite3';
import { phoneE164 } from '../domain/contacts.js';
import { departmentKey } from '../domain/policy.js';
import { searchStems } from '../domain/search.js';
import { textLang } from '../domain/offer.js';

/**
 * Application functions SQL can call, registered on every connection before migrations run: a
 * migration that re-derives a column (a normalised phone, the search stems) uses the same code as the app.
 */
export function registerSqlFunctions(db: Database.Database): void {
  db.function('kam_department_key', { deterministic: true }, (name: unknown) => departmentKey(typeof name === 'string' ? name : null));
  db.function('kam_phone_e164', { deterministic: true }, (phone: unknown) => (typeof phone === 'string' ? phoneE164(phone) : null));
  db.function('kam_text_lang', { deterministic: true }, (text: unknown) => textLang(typeof text === 'string' ? text : ''));
  db.function('kam_search_stems', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchStems(text) : ''));
}
