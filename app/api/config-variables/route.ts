import { ok, route } from "@/lib/api";
import { listVariables, setVariable, ZConfigVariableSchema } from "@/lib/hooks";

/** Names only: values are never answered after they are saved. */
export const GET = route("admin", async () => ok(await listVariables()));

/** Creates or replaces a variable; new deliveries use the new value. */
export const POST = route("admin", async ({ body, log }) => {
  const variable = await setVariable(await body(ZConfigVariableSchema));
  log.info({ name: variable.name }, "configuration variable saved");

  return ok(variable);
});
