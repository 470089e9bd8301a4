import { z } from "zod";

export {
  ZCreatedTokenSchema,
  ZTokenViewSchema,
  ZUserViewSchema,
  type TCreatedToken,
} from "@/lib/auth/schemas";

/** `/api/health` answers without the `{result}` envelope, for load balancers. */
export const ZHealthSchema = z.object({
  status: z.string(),
  database: z.string(),
  version: z.string(),
});
export type THealth = z.infer<typeof ZHealthSchema>;
