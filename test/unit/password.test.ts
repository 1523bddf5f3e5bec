import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../src/security/password.js';

describe('password hashing', () => {
  it('verifies the right password only, with a salt per hash', async () => {
    const a = await hashPassword('secret-password');
    const b = await hashPassword('secret-password');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('secret-password', a)).toBe(true);
    expect(await verifyPassword('Secret-password', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });

  it('generates readable passwords', () => {
    const p = generatePassword();
    expect(p).toHaveLength(14);
    expect(p).not.toMatch(/[01lIoO]/);
  });
});
