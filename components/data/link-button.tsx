import Link from "next/link";
import type { ComponentProps } from "react";

import { cx, focusRing } from "@/components/ui/cx";

const VARIANTS = {
  primary: "bg-indigo-600 text-white shadow-sm hover:bg-indigo-500",
  secondary: "bg-white text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
} as const;

/** A link that looks like a Button, for actions that are really navigation. */
export function LinkButton({
  variant = "primary",
  className,
  ...rest
}: ComponentProps<typeof Link> & { variant?: keyof typeof VARIANTS }) {
  return (
    <Link
      className={cx(
        "inline-flex h-10 items-center justify-center gap-2 rounded-md px-4 text-sm font-medium whitespace-nowrap",
        focusRing,
        VARIANTS[variant],
        className,
      )}
      {...rest}
    />
  );
}
