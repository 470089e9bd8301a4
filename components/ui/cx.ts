/** Joins class names, skipping the false and empty ones. */
export function cx(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** One focus ring for every control, shown for keyboard focus only. */
export const focusRing =
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** Inputs and selects share one look; size and border colour are set by the caller. */
export const controlClass = cx(
  "block rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm",
  "placeholder:text-slate-400 disabled:bg-slate-100 disabled:text-slate-500",
  focusRing,
  "focus-visible:outline-offset-0",
);
