"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { errorMessage, fetchJson } from "@/components/api-client";
import { ZHealthSchema } from "@/components/api-schemas";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4 py-2">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

export function HealthCard() {
  const health = useQuery({
    queryKey: ["health"],
    queryFn: () => fetchJson("/api/health", ZHealthSchema),
    refetchInterval: 30_000,
  });

  return (
    <Card title="Health">
      {health.isPending && <p className="text-sm text-slate-600">Checking…</p>}
      {health.isError && (
        <p role="alert" className="text-sm text-red-700">
          Health check failed: {errorMessage(health.error)}
        </p>
      )}
      {health.data && (
        <dl className="divide-y divide-slate-100">
          <Row label="Status">
            <Badge tone={health.data.status === "ok" ? "success" : "danger"}>
              {health.data.status}
            </Badge>
          </Row>
          <Row label="Database">
            <Badge tone={health.data.database === "ok" ? "success" : "danger"}>
              {health.data.database}
            </Badge>
          </Row>
          <Row label="Version">
            <span className="font-mono">{health.data.version}</span>
          </Row>
        </dl>
      )}
    </Card>
  );
}
