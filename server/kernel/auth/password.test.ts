import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

const cases: [string, string | undefined, string | null, string][] = [
  ['Zażółć-gęślą', undefined, null, 'ten or more characters are enough'],
  ['krótkie1', undefined, 'password.too_short', 'fewer than ten characters'],
  ['aaaaaaaaaaaa', undefined, 'password.too_simple', 'fewer than four different characters'],
  ['x'.repeat(201), undefined, 'password.too_long', 'more than 200 characters'],
  ['kowalski-serwis-1', 'kowalski@serwis.pl', 'password.contains_email', 'contains the email name'],
  ['Bardzo-dlugie-haslo-1', 'a@b.pl', null, 'a one-letter email name is not looked for'],
];
for (const [password, email, code, why] of cases)
  test(`password rule: ${why}`, () => {
    const problems = passwordProblems(password, 'password', email);
    assert.deepEqual(problems.map((p) => p.code), code ? [code] : []);
  });

test('passwords are hashed with Argon2id and verified', async () => {
  const h = await hashPassword('Zażółć-gęślą-jaźń');
  assert.match(h, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(h, 'Zażółć-gęślą-jaźń'), true);
  assert.equal(await verifyPassword(h, 'zażółć-gęślą-jaźń'), false);
  assert.equal(await verifyPassword('not-a-hash', 'x'), false);
});
