import { z } from "zod";

import { ZRoleSchema, type TTokenView, type TUserView } from "@/lib/auth/schemas";

// LIMITATION: the view types are interfaces in lib/auth/schemas.ts, so these
// response schemas repeat them; `satisfies` keeps the two from drifting apart.

export const ZUserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRoleSchema,
  createdAt: z.string(),
}) satisfies z.ZodType<TUserView>;

export const ZTokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  owner: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
}) satisfies z.ZodType<TTokenView>;

/** Only the creating response carries the plain token. */
export const ZCreatedTokenSchema = ZTokenViewSchema.extend({ token: z.string() });
export type TCreatedToken = z.infer<typeof ZCreatedTokenSchema>;

export const ZHealthSchema = z.object({
  status: z.string(),
  database: z.string(),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealthSchema>;
