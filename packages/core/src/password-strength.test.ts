import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import { passwordWeakness } from './password-strength';
import { PasswordChange, UserCreate, UserUpdate } from './workspace';

describe('passwordWeakness', () => {
  it('ships a few thousand common passwords, lower-cased', () => {
    expect(COMMON_PASSWORDS.size).toBe(3000);
    expect(COMMON_PASSWORDS.has('password')).toBe(true);
    expect(COMMON_PASSWORDS.has('qwertyuiop')).toBe(true);
  });

  it.each([
    ['short1', 'use at least 12 characters'],
    ['qwertyuiopas', 'sequence'],
    ['1qaz2wsx3edc', 'most common'],
    ['Password1234!', 'most common'],
    ['!!Iloveyou2026', 'most common'],
    ['SUNSHINE12345', 'most common'],
    ['aaaaaaaaaaaaaaaa', 'repeats'],
    ['abcabcabcabcabc', 'repeats'],
    ['xyzzyxyzzyxyzzy', 'repeats'],
    ['blahblahblah2026', 'repeats'],
    ['abcdefghijklmn', 'sequence'],
    ['ZYXWVUTSRQPO', 'sequence'],
    ['456789012345', 'sequence'],
    ['asdfghjklzxcvb', 'sequence'],
  ])('refuses %s', (password, why) => {
    expect(passwordWeakness(password)).toContain(why);
  });

  it.each([
    'correct horse battery staple',
    'e2e-admin-password-1',
    'vera-viewer-password',
    'a long enough password',
    'mauve kettle orbit 42',
    'Zq8-vT3r-Lw9x-Pd4k',
  ])('accepts %s', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });

  it('refuses the account e-mail address or its local part', () => {
    const email = 'Grace.Hopper@clinic.example';
    expect(passwordWeakness('grace.hopper@clinic.example', email)).toContain('e-mail address');
    expect(passwordWeakness('Grace.Hopper', 'grace.hopper.longer@x.test')).toBeNull();
    expect(passwordWeakness('grace.hopper.longer', 'grace.hopper.longer@x.test')).toContain('e-mail');
    expect(passwordWeakness('grace.hopper.longer2026!', 'grace.hopper.longer@x.test')).toContain('e-mail');
    expect(passwordWeakness('mauve kettle orbit 42', email)).toBeNull();
  });
});

describe('schemas that set a password', () => {
  const user = { email: 'grace@clinic.example', name: 'Grace', password: 'mauve kettle orbit 42' };

  it('UserCreate refuses weak passwords and the e-mail address, at path "password"', () => {
    expect(UserCreate.safeParse(user).success).toBe(true);
    const common = UserCreate.safeParse({ ...user, password: 'Password1234' });
    expect(common.error?.issues).toEqual([
      expect.objectContaining({ path: ['password'], message: expect.stringContaining('most common') }),
    ]);
    const own = UserCreate.safeParse({ ...user, password: 'GRACE@clinic.example' });
    expect(own.error?.issues).toEqual([
      expect.objectContaining({
        path: ['password'],
        message: 'do not use your e-mail address as your password',
      }),
    ]);
  });

  it('UserUpdate and PasswordChange refuse weak new passwords', () => {
    expect(UserUpdate.safeParse({ password: 'aaaaaaaaaaaaaaaa' }).error?.issues[0]?.path).toEqual([
      'password',
    ]);
    expect(UserUpdate.safeParse({ name: 'Grace' }).success).toBe(true);
    const change = PasswordChange.safeParse({ currentPassword: 'x', newPassword: '123456789012' });
    expect(change.error?.issues[0]?.path).toEqual(['newPassword']);
    expect(
      PasswordChange.safeParse({ currentPassword: '', newPassword: 'mauve kettle orbit 42' }).success,
    ).toBe(false);
  });
});
