import { z } from "zod";

import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_TOO_LONG,
  PASSWORD_TOO_SHORT,
} from "@/lib/config/password-rule";

// Shared by the API routes and the console's forms; pure zod, no server code.

export const ROLES = ["admin", "viewer"] as const;
export const ZRoleSchema = z.enum(ROLES);
export type TRole = z.infer<typeof ZRoleSchema>;

export const ZEmailSchema = z
  .string()
  .trim()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be an email address"))
  .transform((email) => email.toLowerCase());

export const ZPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, PASSWORD_TOO_SHORT)
  .max(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG);

export const ZNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

export const ZCreateUserSchema = z.strictObject({
  email: ZEmailSchema,
  name: ZNameSchema,
  password: ZPasswordSchema,
  role: ZRoleSchema,
});
export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

export const ZSetupSchema = ZCreateUserSchema.omit({ role: true });
export type TSetup = z.infer<typeof ZSetupSchema>;

export const ZUpdateUserSchema = z.strictObject({ role: ZRoleSchema });
export type TUpdateUser = z.infer<typeof ZUpdateUserSchema>;

export const MAX_TOKEN_DAYS = 3650;

export const ZCreateTokenSchema = z.strictObject({
  name: ZNameSchema,
  expiresInDays: z
    .number()
    .int("must be a whole number of days")
    .min(1, "must be at least 1")
    .max(MAX_TOKEN_DAYS, `must be at most ${MAX_TOKEN_DAYS}`)
    .nullable()
    .optional(),
});
export type TCreateToken = z.infer<typeof ZCreateTokenSchema>;

/** What the API returns for a user: never the password hash. */
export const ZUserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRoleSchema,
  createdAt: z.string(),
});
export type TUserView = z.infer<typeof ZUserViewSchema>;

/** What the API returns for a token: never the token or its hash. */
export const ZTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  owner: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
});
export type TTokenView = z.infer<typeof ZTokenViewSchema>;

/** Only the creating response carries the plain token. */
export const ZCreatedTokenSchema = ZTokenViewSchema.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedTokenSchema>;
