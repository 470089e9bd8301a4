import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";

import { apiFetch } from "@/components/api-client";

const ZVariableSchema = z.object({ name: z.string(), updatedAt: z.string() });
export type TVariable = z.infer<typeof ZVariableSchema>;

const KEY = ["config-variables"];

/** Names only: the API never answers a value after it is saved. */
export const useVariables = () =>
  useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch("/api/config-variables", z.array(ZVariableSchema)),
  });

export function useSaveVariable() {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (input: { name: string; value: string }) =>
      apiFetch("/api/config-variables", ZVariableSchema, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Refused with 409 while a webhook still references the variable. */
export function useDeleteVariable() {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (name: string) =>
      apiFetch(
        `/api/config-variables/${encodeURIComponent(name)}`,
        z.object({ name: z.string() }),
        { method: "DELETE" },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
