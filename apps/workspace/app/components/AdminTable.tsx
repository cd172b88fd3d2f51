import type { ReactNode } from 'react';

export interface AdminTableProps<T> {
  /** The table's data-testid (and the empty note's, when there is one). */
  testId: string;
  /** Column titles; null for a column without one (row actions). */
  columns: (string | null)[];
  items: T[];
  /** One `<tr>` per item. */
  children: (item: T) => ReactNode;
  /** Said instead of the table when there are no items (`sb-empty`, data-empty="true"); without it an empty table shows. */
  empty?: string;
  /** Inside `sb-table-wrap`, for wide tables that scroll sideways. */
  wrap?: boolean;
}

/** An admin list page's table: `sb-table`, one header row of titles, one row per item. */
export function AdminTable<T>({ testId, columns, items, children, empty, wrap }: AdminTableProps<T>) {
  if (empty !== undefined && items.length === 0) {
    return (
      <div className="sb-empty" data-testid={testId} data-empty="true">
        {empty}
      </div>
    );
  }
  const table = (
    <table className="sb-table" data-testid={testId}>
      <thead>
        <tr>
          {columns.map((title, i) => (
            <th key={i} scope="col">
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{items.map(children)}</tbody>
    </table>
  );
  return wrap ? <div className="sb-table-wrap">{table}</div> : table;
}
