/** Plain-text tables for the demo's output: a header row, a rule, and columns padded to their widest cell. */
export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>): string {
  const cells = rows.map((row) => headers.map((_, i) => (row[i] === undefined ? '' : String(row[i]))));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i].length)));
  const line = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Long opaque ids shortened for display: start…end. */
export function shortId(id: string | undefined): string {
  if (!id) return '';
  return id.length <= 24 ? id : `${id.slice(0, 10)}…${id.slice(-10)}`;
}
