/**
 * List inputs, read the way docker/build-push-action reads them: one item per line,
 * and, unless `ignoreComma`, also split on commas. A field in double quotes keeps its
 * commas and newlines ("" is a literal quote), so `"KEY=a,b"` or a multi-line secret
 * stays one item. Items are trimmed; empty ones dropped.
 */
export interface ListOptions {
  /** Keep each line whole (build-args, labels, secrets...): commas belong to the value. */
  ignoreComma?: boolean;
  /** Treat double quotes as plain characters (outputs, whose values use quotes of their own). */
  noQuotes?: boolean;
  /** Drop lines that start with this character (tag rules allow `#` comments). */
  comment?: string;
}

export function parseList(input: string, options: ListOptions = {}): string[] {
  const items: string[] = [];
  for (const record of splitRecords(input, !options.noQuotes)) {
    if (options.comment && record.raw.trimStart().startsWith(options.comment)) continue;
    if (options.ignoreComma) items.push(record.fields.join(','));
    else items.push(...record.fields);
  }
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

interface ListRecord {
  raw: string;
  fields: string[];
}

// A tiny CSV reader: records end at a newline outside quotes; fields end at a comma outside quotes.
// A quote that does not open a field is an ordinary character (as csv-parse's relaxQuotes).
// A quote that is never closed is an ordinary character too: it must not swallow the lines after it
// into one item (csv-parse throws there; we read it the way a person would).
function splitRecords(input: string, quotes: boolean, literalQuotes = new Set<number>()): ListRecord[] {
  const records: ListRecord[] = [];
  let openedAt = -1;
  let fields: string[] = [];
  let field = '';
  let raw = '';
  let inQuotes = false;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ raw, fields });
    fields = [];
    raw = '';
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (inQuotes) {
      raw += c;
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        raw += '"';
        i++;
      } else if (c === '"') {
        inQuotes = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c === '\r' && input[i + 1] === '\n') continue;
    if (c === '\n') {
      endRecord();
      continue;
    }
    raw += c;
    if (c === ',') endField();
    else if (c === '"' && quotes && field.trim() === '' && !literalQuotes.has(i)) {
      field = '';
      inQuotes = true;
      openedAt = i;
    } else field += c;
  }
  if (inQuotes) return splitRecords(input, quotes, new Set([...literalQuotes, openedAt]));
  if (raw !== '' || fields.length > 0 || field !== '') endRecord();
  return records;
}
