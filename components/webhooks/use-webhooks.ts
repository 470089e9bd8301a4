import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";

import type { TNewWebhook, TPatchWebhook } from "@/lib/hooks/schemas";

import { apiFetch } from "@/components/api-client";

export const ZWebhookSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  /** Why the webhook is off, e.g. after the endpoint answered 410 Gone; null while on. */
  disabledReason: z.string().nullable(),
  disabledAt: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  query: z.string().optional(),
  /** The object the query subscribes to (`Jobs`); null for scheduled and SMS hooks. */
  object: z.string().nullable(),
  field: z.string().optional(),
  offset: z.number().optional(),
  filter: z.string().nullable().optional(),
  cron: z.string().optional(),
});
export type TWebhook = z.infer<typeof ZWebhookSchema>;

export const ZSummarySchema = z.object({
  id: z.string(),
  lastStatus: z.string().nullable(),
  lastResponse: z.number().nullable(),
  lastAt: z.string().nullable(),
  successRate24h: z.number().nullable(),
});

const ZAttemptSchema = z.object({
  attempt: z.number(),
  attempted: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  responseBody: z.string().nullable(),
});
export const ZLogSchema = z.object({
  id: z.string(),
  status: z.string(),
  created: z.string(),
  data: z.object({ body: z.string() }),
  attempts: z.array(ZAttemptSchema),
});
export type TLog = z.infer<typeof ZLogSchema>;

/** `POST /webhooks/{id}/test`: the attempt in the logs API's shape, with its delivery's state. */
export const ZTestReportSchema = z.object({
  state: z.string(),
  attempted: z.string(),
  status: z.number().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
  responseHeaders: z.record(z.string(), z.string()).nullable(),
  responseBody: z.string().nullable(),
});

const KEY = ["webhooks"];

export const useWebhooks = () =>
  useQuery({ queryKey: KEY, queryFn: () => apiFetch("/webhooks", z.array(ZWebhookSchema)) });

export const useSummaries = () =>
  useQuery({
    queryKey: [...KEY, "summaries"],
    queryFn: () => apiFetch("/webhooks/summaries", z.array(ZSummarySchema)),
  });

export const useWebhook = (id: string) =>
  useQuery({ queryKey: [...KEY, id], queryFn: () => apiFetch(`/webhooks/${id}`, ZWebhookSchema) });

export function useDeliveries(id: string) {
  return useQuery({
    queryKey: [...KEY, id, "deliveries"],
    queryFn: async () => {
      const response = await fetch(`/triggered_actions/logs?sourceId=${id}&limit=20`, {
        cache: "no-store",
      });
      const body = z.object({ result: z.array(ZLogSchema) }).parse(await response.json());

      return body.result;
    },
    refetchInterval: 1000,
  });
}

export function useSaveWebhook(id: string | null) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (input: TNewWebhook | TPatchWebhook) =>
      id
        ? apiFetch(`/webhooks/${id}`, ZWebhookSchema, { method: "PATCH", body: input })
        : apiFetch("/webhooks", ZWebhookSchema, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTestFire(id: string) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: () => apiFetch(`/webhooks/${id}/test`, ZTestReportSchema, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Turns a webhook on or off; turning it on also clears an engine-side disable (410 Gone). */
export function useSetEnabled(id: string) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (enabled: boolean) =>
      apiFetch(`/webhooks/${id}`, ZWebhookSchema, { method: "PATCH", body: { enabled } }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Admins only. The hook's own queries would refetch into a 404, so they are dropped. */
export function useDeleteWebhook(id: string) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: () =>
      apiFetch(`/webhooks/${id}`, z.object({ id: z.string() }), { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: [...KEY, id] });
      client.setQueryData<TWebhook[]>(KEY, (hooks) => hooks?.filter((hook) => hook.id !== id));

      return client.invalidateQueries({ queryKey: KEY });
    },
  });
}
