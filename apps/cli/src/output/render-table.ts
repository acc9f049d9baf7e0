/** Characters that a terminal draws one column wide but that are more than one code unit. */
const width = (text: string) => [...text].length;

/**
 * A plain-text table with a header row, columns padded to their widest cell.
 *
 * @example
 * renderTable(['LANG', 'STATUS'], [['es', 'published']]);
 * // 'LANG  STATUS\nes    published'
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell)),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
