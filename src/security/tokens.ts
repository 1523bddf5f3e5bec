import { createHash } from 'node:crypto';

/**
 * How every secret a browser presents is kept at rest: a candidate's task, consent and slot links, a calendar feed's
 * address and a session's id are stored only as this hash, so a copy of the database (a backup, say) opens nothing.
 * The tokens are long random strings, so a plain SHA-256 is enough: there is nothing to guess.
 */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
