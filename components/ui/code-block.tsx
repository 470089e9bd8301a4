import { CopyButton } from "./copy-button";

/** A command to paste into a terminal, with a Copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-slate-900">
      <div className="flex items-center justify-between gap-2 border-b border-slate-700 px-3 py-1.5">
        <span className="text-xs text-slate-400">{label}</span>
        <CopyButton text={code} />
      </div>
      <pre className="overflow-x-auto px-3 py-3 font-mono text-xs leading-relaxed text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}
