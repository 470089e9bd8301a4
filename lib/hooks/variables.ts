import { getDb } from "@/lib/db";
import { forgetVariables, referencedNames, type Tx } from "@/lib/delivery";

import { ApiError } from "@/lib/api/errors";

import { VARIABLE_NAME, ZConfigVariableSchema } from "./schemas";

export { fillTemplate, referencedNames } from "@/lib/delivery";

export async function variableValues(tx?: Tx): Promise<Map<string, string>> {
  const rows = await (tx ?? getDb()).configVariable.findMany();

  return new Map(rows.map((row) => [row.name, row.value]));
}

export async function variableNames(): Promise<Set<string>> {
  const rows = await getDb().configVariable.findMany({ select: { name: true } });

  return new Set(rows.map((row) => row.name));
}

export interface VariableView {
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** Names only: a value is never shown again after it is saved. */
export async function listVariables(): Promise<VariableView[]> {
  const rows = await getDb().configVariable.findMany({ orderBy: { name: "asc" } });

  return rows.map((row) => ({
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function setVariable(input: unknown): Promise<VariableView> {
  const { name, value } = ZConfigVariableSchema.parse(input);
  const row = await getDb().configVariable.upsert({
    where: { name },
    create: { name, value },
    update: { value },
  });
  forgetVariables();

  return {
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Refused while a webhook still references the variable. */
export async function deleteVariable(name: string): Promise<void> {
  if (!VARIABLE_NAME.test(name)) throw ApiError.notFound(`variable ${name}`);
  const hooks = await getDb().webhook.findMany({
    select: { name: true, url: true, headers: true },
  });
  const user = hooks.find((hook) =>
    [hook.url, hook.headers].some((text) => referencedNames(text).includes(name)),
  );
  if (user) {
    throw new ApiError("conflict", `webhook '${user.name}' references {{ ${name} }}`);
  }
  const { count } = await getDb().configVariable.deleteMany({ where: { name } });
  if (!count) throw ApiError.notFound(`variable ${name}`);
  forgetVariables();
}
