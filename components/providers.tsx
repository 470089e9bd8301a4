"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";

import { ApiRequestError } from "./api-client";

type Navigate = (href: string) => void;

/**
 * A session that ended while a page was open (expired, signed out in another
 * tab, user removed) answers 401; send the operator to sign in and back.
 */
function signInAgainOn401(navigate: Navigate) {
  return (error: unknown) => {
    if (!(error instanceof ApiRequestError) || error.status !== 401) return;
    const back = window.location.pathname + window.location.search;
    navigate(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  };
}

function makeQueryClient(navigate: Navigate): QueryClient {
  const onError = signInAgainOn401(navigate);

  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // A refused request will be refused again; retry only what may pass.
        retry: (failures, error) =>
          failures < 2 &&
          !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

// No next-auth SessionProvider: pages read the session on the server and
// nothing calls useSession, so it would only add a /api/auth/session request
// on every window focus. signIn and signOut work without it.
export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [client] = useState(() => makeQueryClient((href) => router.replace(href)));

  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
