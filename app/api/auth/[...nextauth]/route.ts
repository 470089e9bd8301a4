import type { NextRequest } from "next/server";
import NextAuth from "next-auth";

import { getAuthOptions } from "@/lib/auth/next-auth";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  // next-auth v4 types its route handler's result as `any`.
  const response: unknown = await NextAuth(request, context, getAuthOptions());
  if (response instanceof Response) return response;

  throw new Error("next-auth answered without a response");
}

export { handler as GET, handler as POST };
