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

/**
 * Refused (409, naming every webhook) while a webhook still references the
 * variable: its next delivery would go out with `{{ NAME }}` unfilled. The
 * check and the delete share one transaction.
 */
export async function deleteVariable(name: string): Promise<void> {
  if (!VARIABLE_NAME.test(name)) throw ApiError.notFound(`variable ${name}`);
  await getDb().$transaction(async (tx) => {
    const hooks = await tx.webhook.findMany({
      select: { name: true, url: true, headers: true },
      orderBy: { name: "asc" },
    });
    const users = hooks.filter((hook) =>
      [hook.url, hook.headers].some((text) => referencedNames(text).includes(name)),
    );
    if (users.length) {
      const names = users.map((hook) => `'${hook.name}'`).join(", ");
      const noun = users.length === 1 ? "webhook" : "webhooks";
      throw ApiError.conflict(`{{ ${name} }} is used by ${noun} ${names}; edit them first`);
    }
    const { count } = await tx.configVariable.deleteMany({ where: { name } });
    if (!count) throw ApiError.notFound(`variable ${name}`);
  });
  forgetVariables();
}
