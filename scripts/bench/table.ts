// Plain-text tables for the bench's output.

export type Cell = string | number;

function format(cell: Cell): string {
  if (typeof cell === "string") return cell;
  if (!Number.isFinite(cell)) return "-";
  if (Number.isInteger(cell)) return cell.toLocaleString("en-US");
  return cell.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function renderTable(title: string, header: string[], rows: Cell[][]): string {
  const cells = rows.map((row) => row.map(format));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [title, line(header), rule, ...cells.map(line)].join("\n");
}
