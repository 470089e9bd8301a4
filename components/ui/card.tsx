import type { ReactNode } from "react";

import { cx } from "./cx";

export interface CardProps {
  title?: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Tables run to the card's edges; forms and text get padding. */
  flush?: boolean;
  className?: string;
  children: ReactNode;
}

export function Card({ title, description, actions, flush, className, children }: CardProps) {
  return (
    <section
      aria-label={title}
      className={cx(
        "overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm",
        className,
      )}
    >
      {(title || actions) && (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
          <div>
            {title && <h2 className="text-base font-semibold text-slate-900">{title}</h2>}
            {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      <div className={flush ? undefined : "p-5"}>{children}</div>
    </section>
  );
}
