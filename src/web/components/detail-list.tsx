import type { ReactNode } from 'react';

export interface DetailRow {
  label: ReactNode;
  value: ReactNode;
  /** Free text typed with line breaks (a description, the measures): shown as written. */
  multiline?: boolean;
}

/**
 * A record's fields as a description list (label above its value on a phone, beside it on a wide screen).
 * A row given as `false` or `null` is left out, so a field shown only sometimes can stay in place in the list.
 */
export function DetailList({ rows }: { rows: (DetailRow | false | null)[] }) {
  return (
    <dl className="details">
      {rows.map((row, index) =>
        row ? (
          // The rows are a fixed list per section: their position is a stable key.
          <div key={index}>
            <dt>{row.label}</dt>
            <dd className={row.multiline ? 'multiline' : undefined}>{row.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
