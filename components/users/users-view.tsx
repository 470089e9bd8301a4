"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

import { AddUserForm } from "./add-user-form";
import { UsersTable } from "./users-table";
import { useUsers } from "./use-users";

export function UsersView({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();

  return (
    <div className="flex flex-col gap-6">
      <Card
        title="People"
        description="A role change takes effect on the user's next request."
        flush
      >
        {users.isPending && <p className="p-5 text-sm text-slate-600">Loading users…</p>}
        {users.isError && (
          <Alert tone="error" className="m-5">
            Could not load users: {errorMessage(users.error)}
          </Alert>
        )}
        {users.data && <UsersTable users={users.data} currentUserId={currentUserId} />}
      </Card>
      <Card title="Add a user">
        <AddUserForm />
      </Card>
    </div>
  );
}
