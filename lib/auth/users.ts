import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";

import { hashPassword } from "./password";
import { isRole } from "./principal";
import type { TCreateUser, TRole, TSetup, TUserView } from "./schemas";

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  createdAt: Date;
}

export function toUserView(user: UserRow): TUserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: isRole(user.role) ? user.role : "viewer",
    createdAt: user.createdAt.toISOString(),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "P2002";
}

function isSerializationFailure(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "P2034";
}

export async function countUsers(): Promise<number> {
  return getDb().user.count();
}

export async function listUsers(): Promise<TUserView[]> {
  const users = await getDb().user.findMany({ orderBy: { createdAt: "asc" } });

  return users.map(toUserView);
}

export async function createUser(input: TCreateUser): Promise<TUserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await getDb().user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
    });

    return toUserView(user);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw ApiError.conflict("a user with this email already exists", [
        { path: "email", message: "already in use" },
      ]);
    }
    throw error;
  }
}

/**
 * Creates the first admin, and only while there are no users at all. The
 * count and the insert share one serializable transaction, so two setup
 * requests racing each other cannot both succeed.
 */
export async function setupFirstAdmin(input: TSetup): Promise<TUserView | null> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().$transaction(
      async (tx) => {
        if ((await tx.user.count()) > 0) return null;
        const user = await tx.user.create({
          data: { email: input.email, name: input.name, role: "admin", passwordHash },
        });

        return toUserView(user);
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    if (isSerializationFailure(error) || isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Changes a role, refusing any change that would leave no admin. */
export async function setUserRole(userId: string, role: TRole): Promise<TUserView> {
  try {
    return await getDb().$transaction(
      async (tx) => {
        const user = await tx.user.findUnique({ where: { id: userId } });
        if (!user) throw ApiError.notFound("user");
        if (user.role === "admin" && role !== "admin") {
          const admins = await tx.user.count({ where: { role: "admin" } });
          if (admins <= 1) {
            throw ApiError.fieldError(
              "role",
              "the last admin cannot be demoted; make another admin first",
            );
          }
        }
        const updated = await tx.user.update({ where: { id: userId }, data: { role } });

        return toUserView(updated);
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    if (isSerializationFailure(error)) {
      throw ApiError.conflict("another change to users happened at the same time; try again");
    }
    throw error;
  }
}

export async function findUserByEmail(email: string) {
  return getDb().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export async function findUserById(id: string) {
  return getDb().user.findUnique({ where: { id } });
}
