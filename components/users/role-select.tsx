"use client";

import { useRouter } from "next/navigation";

import { ROLES, ZRoleSchema, type TUserView } from "@/lib/auth/schemas";

import { fieldMessage } from "@/components/api-client";
import { Select } from "@/components/ui/select";

import { useSetRole } from "./use-users";

/** Saves on change; a refusal (the last admin, say) shows under the select. */
export function RoleSelect({ user, isSelf }: { user: TUserView; isSelf: boolean }) {
  const router = useRouter();
  const setRole = useSetRole(user.id);
  const shown = setRole.isPending ? setRole.variables : user.role;
  const errorId = `role-error-${user.id}`;

  function change(value: string) {
    const role = ZRoleSchema.safeParse(value);
    if (!role.success || role.data === user.role) return;
    setRole.mutate(role.data, {
      onSuccess: (updated) => {
        // An admin who made themselves a viewer loses this page and its link.
        if (isSelf && updated.role !== "admin") router.refresh();
      },
    });
  }

  return (
    <div className="flex flex-col gap-1">
      <Select
        aria-label={`Role of ${user.name}`}
        aria-invalid={setRole.isError || undefined}
        aria-describedby={setRole.isError ? errorId : undefined}
        value={shown}
        disabled={setRole.isPending}
        onChange={(event) => change(event.target.value)}
        compact
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </Select>
      <p id={errorId} role="status" className="max-w-56 text-xs">
        {setRole.isPending && <span className="text-slate-600">Saving…</span>}
        {setRole.isError && (
          <span className="font-medium text-red-700">{fieldMessage(setRole.error, "role")}</span>
        )}
        {setRole.isSuccess && <span className="text-emerald-700">Saved.</span>}
      </p>
    </div>
  );
}
