/**
 * The text of a file of records written one JSON line at a time as work finishes (`runs.jsonl` of a
 * sweep, `replicates.jsonl` of a programme run), read back after a stop or a kill. Pure: no Node or
 * DOM API.
 */

export interface JsonLinesText<T> {
  /** Records in file order, each key once (first line kept). */
  records: T[];
  /** Whether the last line lacks its newline (a write cut off by a kill): it is not a record. */
  torn: boolean;
  /** Length of the text up to its last complete line (where a torn file is cut back to). */
  complete: number;
  /** Lines repeating a key already read. */
  duplicates: number;
  /** 1-based number of the first complete line that `parse` does not accept, if any. */
  badLine?: number;
}

/**
 * Reads the complete lines of `text` with `parse` (undefined: not a record), keeping the first
 * record of each `key`; stops at the first line that is not a record.
 */
export function parseJsonLines<T>(
  text: string,
  parse: (line: string) => T | undefined,
  key: (record: T) => number,
): JsonLinesText<T> {
  const complete = text.lastIndexOf('\n') + 1;
  const torn = complete < text.length;
  const seen = new Set<number>();
  const records: T[] = [];
  let duplicates = 0;
  const lines = text.slice(0, complete).split('\n');
  lines.pop();
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const r = parse(line);
    if (!r) return { records, torn, complete, duplicates, badLine: i + 1 };
    const k = key(r);
    if (seen.has(k)) {
      duplicates++;
      continue;
    }
    seen.add(k);
    records.push(r);
  }
  return { records, torn, complete, duplicates };
}
