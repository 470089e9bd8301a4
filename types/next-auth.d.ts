import "next-auth";

declare module "next-auth" {
  /** lib/auth/next-auth.ts puts the user's id on every session. */
  interface Session {
    userId?: string;
  }
}
