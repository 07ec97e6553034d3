import { useState, type ReactNode } from 'react';

const wideScreen = '(min-width: 48rem)';

/**
 * Filters fold away on a phone (the list matters more than the form) unless some are in use; on a wide
 * screen they start open. A native <details>: keyboard and screen readers know it without extra code.
 */
export function FilterDisclosure({ label, active, children }: { label: string; active: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(() => active || window.matchMedia(wideScreen).matches);
  return (
    <details className="filter-disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{label}</summary>
      {children}
    </details>
  );
}
