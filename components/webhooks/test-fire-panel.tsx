"use client";

import { errorMessage } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/cx";

import { useTestFire } from "./use-webhooks";

/**
 * Sends the sample payload now and shows that one attempt: state, HTTP
 * status, how long it took and what the endpoint answered, so an admin can
 * check an endpoint without waiting for a record to change.
 */
export function TestFirePanel({ id }: { id: string }) {
  const test = useTestFire(id);
  const report = test.data;

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button size="sm" onClick={() => test.mutate()} pending={test.isPending}>
          {test.isPending ? "Sending test…" : "Send test"}
        </Button>
      </div>
      {test.isError && (
        <Alert tone="error" title="The test was not sent">
          {errorMessage(test.error)}
        </Alert>
      )}
      {report && !test.isPending && (
        <div
          role="status"
          className={`flex flex-col gap-2 rounded-md border px-4 py-3 text-sm ${
            report.state === "success"
              ? "border-emerald-200 bg-emerald-50"
              : "border-red-200 bg-red-50"
          }`}
        >
          <p className="font-medium">
            Test {report.state}: status {report.status ?? "none"} in {report.durationMs} ms
            {report.error ? ` (${report.error})` : ""}
          </p>
          {report.responseHeaders && Object.keys(report.responseHeaders).length > 0 && (
            <details>
              <summary className={`cursor-pointer rounded text-slate-700 ${focusRing}`}>
                Response headers
              </summary>
              <pre className="mt-1 max-h-48 overflow-auto rounded bg-white/70 p-2 font-mono text-xs">
                {Object.entries(report.responseHeaders)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join("\n")}
              </pre>
            </details>
          )}
          {report.responseBody ? (
            <pre className="max-h-48 overflow-auto rounded bg-white/70 p-2 font-mono text-xs whitespace-pre-wrap">
              {report.responseBody}
            </pre>
          ) : (
            <p className="text-slate-600">The endpoint answered with an empty body.</p>
          )}
        </div>
      )}
    </div>
  );
}
