"use client";

import type { TUserView } from "@/lib/auth/schemas";

import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

import { RoleSelect } from "./role-select";

export function UsersTable({
  users,
  currentUserId,
}: {
  users: TUserView[];
  currentUserId: string;
}) {
  return (
    <Table label="Users">
      <THead>
        <TH>Name</TH>
        <TH>Email</TH>
        <TH>Role</TH>
        <TH>Created</TH>
      </THead>
      <TBody>
        {users.map((user) => (
          <TR key={user.id}>
            <TD className="font-medium text-slate-900">
              <span className="inline-flex items-center gap-2">
                {user.name}
                {user.id === currentUserId && <Badge>you</Badge>}
              </span>
            </TD>
            <TD className="break-all">{user.email}</TD>
            <TD>
              <RoleSelect user={user} isSelf={user.id === currentUserId} />
            </TD>
            <TD className="whitespace-nowrap">
              <time dateTime={user.createdAt} title={user.createdAt}>
                {formatDateTime(user.createdAt)}
              </time>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
