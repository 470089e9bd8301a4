import { ok, route } from "@/lib/api";

export const GET = route("viewer", ({ principal }) =>
  ok({
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    via: principal.via,
  }),
);
