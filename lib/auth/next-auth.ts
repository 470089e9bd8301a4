import type { NextRequest } from "next/server";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getToken } from "next-auth/jwt";

import { getConfig, getSecrets } from "@/lib/config";
import { logger } from "@/lib/log";

import { isRole, type Principal } from "./principal";
import { lockedMessage, signIn } from "./sign-in";
import { findUserById } from "./users";

export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

let options: NextAuthOptions | undefined;

/** Built on first use, so secrets are read at run time and never at build. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getSecrets().sessionSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const email = credentials?.email ?? "";
          const result = await signIn(email, credentials?.password ?? "");
          if (result.ok) {
            logger.info({ userId: result.principal.userId }, "sign-in succeeded");
            const { userId, email: userEmail, name } = result.principal;

            return { id: userId, email: userEmail, name };
          }
          logger.warn({ email, reason: result.reason }, "sign-in refused");
          // next-auth passes the message of a thrown error to the sign-in page.
          throw new Error(
            result.reason === "locked"
              ? lockedMessage(result.lockedUntil)
              : "Wrong email or password.",
          );
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        return token.sub ? { ...session, userId: token.sub } : session;
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => undefined,
    },
  };

  return options;
}

/**
 * The signed-in user behind a session cookie, read fresh from the database
 * so that a role change or a removed user takes effect at once.
 */
export async function getSessionPrincipal(request: NextRequest): Promise<Principal | null> {
  const token = await getToken({
    req: request,
    secret: getSecrets().sessionSecret,
    secureCookie: getConfig().secureCookies,
  });
  if (!token?.sub) return null;

  return principalForUser(token.sub);
}

export async function principalForUser(userId: string): Promise<Principal | null> {
  const user = await findUserById(userId);
  if (!user || !isRole(user.role)) return null;

  return { userId: user.id, email: user.email, name: user.name, role: user.role, via: "session" };
}
