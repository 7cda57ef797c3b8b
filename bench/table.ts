/** A measurement's result and how it is printed: a plain aligned text table. */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

export function printTable(table: Table): void {
  const widths = table.columns.map((column, index) =>
    Math.max(column.length, ...table.rows.map((row) => row[index].length)),
  );
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index])).join('  ').trimEnd();
  console.log(`\n${table.title}\n`);
  console.log(line(table.columns));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of table.rows) console.log(line(row));
}
