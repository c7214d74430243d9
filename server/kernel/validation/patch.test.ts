import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { patchOf } from './patch.ts';

const input = z.object({ name: z.string().min(1), city: z.string().default(''), country: z.string().default('PL') });

test('a patch leaves out what the request leaves out (no defaults filled in)', () => {
  assert.deepEqual(patchOf(input).parse({ name: 'Nowa' }), { name: 'Nowa' });
  assert.deepEqual(patchOf(input).parse({}), {});
});

test('a patch still validates the fields it carries', () => {
  assert.equal(patchOf(input).safeParse({ name: '' }).success, false);
  assert.deepEqual(patchOf(input).parse({ city: 'Łódź' }), { city: 'Łódź' });
});
