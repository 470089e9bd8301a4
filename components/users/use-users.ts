import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";

import type { TCreateUser, TRole, TUserView } from "@/lib/auth/schemas";

import { apiFetch } from "@/components/api-client";
import { ZUserViewSchema } from "@/components/api-schemas";

const USERS_KEY = ["users"];

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: () => apiFetch("/api/users", z.array(ZUserViewSchema)),
  });
}

export function useCreateUser() {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (input: TCreateUser) =>
      apiFetch("/api/users", ZUserViewSchema, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useSetRole(userId: string) {
  const client = useQueryClient();

  return useMutation({
    mutationFn: (role: TRole) =>
      apiFetch(`/api/users/${encodeURIComponent(userId)}`, ZUserViewSchema, {
        method: "PATCH",
        body: { role },
      }),
    onSuccess: (updated) => {
      client.setQueryData<TUserView[]>(USERS_KEY, (users) =>
        users?.map((user) => (user.id === updated.id ? updated : user)),
      );

      return client.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
}
