import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";

import { ApiRequestError } from "@/components/api-client";
import { GraphQLResultError, graphqlRequest } from "@/components/graphql/client";

import { displayFieldName } from "./object-meta";
import {
  deleteMutation,
  insertMutation,
  listQuery,
  LOOKUP_OPTIONS,
  nameContainsFilter,
  optionsQuery,
  PAGE_SIZE,
  recordQuery,
  updateMutation,
} from "./queries";
import type { DataObject, DataObjects, DataRecord } from "./types";

const ZRecordSchema = z.record(z.string(), z.unknown());

const ZConnectionSchema = z.object({
  totalCount: z.number(),
  pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  edges: z.array(z.object({ cursor: z.string(), node: ZRecordSchema })),
});
export type TConnection = z.infer<typeof ZConnectionSchema>;

const ZMutationSchema = z.object({ schema: z.object({ uid: z.string() }) });

/** Every Data query starts with this, so one save refreshes lists, records and lookups. */
const DATA_KEY = ["data"] as const;

/** A refused filter or query will be refused again; only network trouble is retried. */
function retryTransient(failures: number, error: unknown): boolean {
  if (error instanceof GraphQLResultError) return false;
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;

  return failures < 2;
}

export interface ListParams {
  filter: string | null;
  orderBy: string | null;
  after: string | null;
}

export function useRecordList(object: DataObject, objects: DataObjects, params: ListParams) {
  return useQuery({
    queryKey: [...DATA_KEY, object.name, "list", params],
    queryFn: async () => {
      const variables = { ...params, first: PAGE_SIZE };
      const schema = z.object({ list: ZConnectionSchema });

      return (await graphqlRequest(listQuery(object, objects), variables, schema)).list;
    },
    placeholderData: keepPreviousData,
    retry: retryTransient,
  });
}

/** One record with its lookups and reverse relations; null when no record has that UID. */
export function useRecord(object: DataObject, objects: DataObjects, uid: string) {
  return useQuery({
    queryKey: [...DATA_KEY, object.name, "record", uid],
    queryFn: async (): Promise<DataRecord | null> => {
      const schema = z.object({ record: ZRecordSchema.nullable() });

      return (await graphqlRequest(recordQuery(object, objects), { uid }, schema)).record;
    },
    retry: retryTransient,
  });
}

export interface LookupOption {
  uid: string;
  name: string;
}

/** Records a lookup may point at, by name, narrowed by `term`. */
export function useLookupOptions(target: DataObject, term: string, enabled = true) {
  return useQuery({
    queryKey: [...DATA_KEY, target.name, "options", term.trim()],
    queryFn: async () => {
      const schema = z.object({
        options: z.object({
          totalCount: z.number(),
          edges: z.array(z.object({ node: ZRecordSchema })),
        }),
      });
      const variables = { filter: nameContainsFilter(target, term), first: LOOKUP_OPTIONS };
      const { options } = await graphqlRequest(optionsQuery(target), variables, schema);
      const display = displayFieldName(target);

      return {
        totalCount: options.totalCount,
        options: options.edges.flatMap(({ node }): LookupOption[] => {
          const uid = node.UID;
          const name = node[display];
          if (typeof uid !== "string") return [];

          return [{ uid, name: typeof name === "string" && name !== "" ? name : uid }];
        }),
      };
    },
    enabled,
    placeholderData: keepPreviousData,
    retry: retryTransient,
  });
}

function useDataMutation<TInput>(send: (input: TInput) => string) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: async (input: TInput) =>
      (await graphqlRequest(send(input), undefined, ZMutationSchema)).schema.uid,
    // Names shown through lookups may have changed too, so every Data query refreshes.
    onSuccess: () => client.invalidateQueries({ queryKey: DATA_KEY }),
  });
}

export function useInsertRecord(object: DataObject) {
  return useDataMutation((input: Record<string, unknown>) => insertMutation(object, input));
}

export function useUpdateRecord(object: DataObject, uid: string) {
  return useDataMutation((changes: Record<string, unknown>) =>
    updateMutation(object, uid, changes),
  );
}

export function useDeleteRecord(object: DataObject, uid: string) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: async () =>
      (await graphqlRequest(deleteMutation(object, uid), undefined, ZMutationSchema)).schema.uid,
    onSuccess: () => {
      // The record's own query would refetch and find nothing; drop it instead.
      client.removeQueries({ queryKey: [...DATA_KEY, object.name, "record", uid] });

      return client.invalidateQueries({ queryKey: DATA_KEY });
    },
  });
}
