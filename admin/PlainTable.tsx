import type { ComponentChildren } from 'preact';

interface Props {
  /** Read by screen readers before the table. */
  caption: string;
  columns: readonly string[];
  class?: string;
  /** Said in one full-width row when there is nothing to show; undefined while loading or when rows follow. */
  empty?: string;
  /** The body's rows. */
  children: ComponentChildren;
}

/** An admin view's table of plain column headers (the directory, the activity log): scrolls sideways in its frame. */
export function PlainTable({ caption, columns, class: className, empty, children }: Props) {
  return (
    <div class="table-wrap admin-table">
      <table class={className}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty !== undefined && (
            <tr>
              <td colSpan={columns.length} class="muted">
                {empty}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}
