import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../kernel/auth/permissions.ts';

export const roleSchema = z.enum(ROLES);
export const languageSchema = z.enum(['pl', 'en']);
export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const passwordSchema = z.string().min(1).max(200);

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    language: languageSchema,
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const sessionInfoSchema = z
  .object({
    user: userSchema,
    permissions: z.array(z.enum(PERMISSIONS)),
    csrfToken: z.string().describe('Send as X-CSRF-Token on every cookie-authenticated write'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'SessionInfo' });

export const signInBody = z.object({ email: emailSchema, password: passwordSchema });

export const changePasswordBody = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });

export const createUserBody = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  language: languageSchema.default('pl'),
});

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: roleSchema,
    language: languageSchema,
    active: z.boolean(),
  })
  .partial();

export const userWithTemporaryPassword = z.object({
  user: userSchema,
  temporaryPassword: z.string().describe('Shown once; the user must change it at first sign-in'),
});

export const usersQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
});

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createApiTokenBody = z.object({ name: z.string().trim().min(1).max(100) });
export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe('The full token; shown once. Send as "Authorization: Bearer <secret>"'),
});
export const idParams = z.object({ id: z.uuid() });
