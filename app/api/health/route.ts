import { NextResponse } from "next/server";

import { publicRoute } from "@/lib/api";
import { VERSION } from "@/lib/config";
import { databaseIsReachable } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export const GET = publicRoute(async () => {
  const up = await databaseIsReachable();

  return NextResponse.json(
    { status: up ? "ok" : "error", database: up ? "ok" : "unreachable", version: VERSION },
    { status: up ? 200 : 503 },
  );
});
