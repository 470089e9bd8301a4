import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";

import type { TCreateToken, TTokenView } from "@/lib/auth/schemas";

import { apiFetch } from "@/components/api-client";
import { ZCreatedTokenSchema, ZTokenViewSchema } from "@/components/api-schemas";

const TOKENS_KEY = ["tokens"];

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => apiFetch("/api/tokens", z.array(ZTokenViewSchema)),
  });
}

export function useCreateToken() {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (input: TCreateToken) =>
      apiFetch("/api/tokens", ZCreatedTokenSchema, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`/api/tokens/${encodeURIComponent(id)}`, z.object({ id: z.string() }), {
        method: "DELETE",
      }),
    onSuccess: ({ id }) => {
      // Drop the row at once; the refetch then confirms it is gone.
      client.setQueryData<TTokenView[]>(TOKENS_KEY, (tokens) => tokens?.filter((t) => t.id !== id));

      return client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
}
