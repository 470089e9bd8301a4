"use client";

import { useEffect, useState } from "react";

import { Button } from "./button";

type CopyState = "idle" | "copied" | "failed";

/** Copies `text`; says so next to the button, and says how when the browser refuses. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);

    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        {state === "copied" ? "Copied" : label}
      </Button>
      <span role="status" className="text-xs text-slate-600">
        {state === "copied" && "Copied to the clipboard."}
        {state === "failed" && "The browser refused; select the text and copy it by hand."}
      </span>
    </span>
  );
}
