import { createReadStream } from 'node:fs';

const LF = 0x0a;
const CR = 0x0d;

/** One line of a text file, without its line end; `line` is 1-based. */
export interface Line {
  text: string;
  line: number;
}

/**
 * Streams a file's lines (ended by `\n`, `\r\n` or a lone `\r`, as HL7 v2 uses) as UTF-8 text, a batch per
 * chunk read, so the event loop is free between chunks. A line growing past `maxBytes` stops the read
 * before it is held whole: `tooLong(line)` is thrown. A byte-order mark at the start is dropped.
 */
export async function* readLines(
  file: string,
  maxBytes: number,
  tooLong: (line: number) => Error,
): AsyncGenerator<Line[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 1;
  let afterCr = false;
  let first = true;
  const take = (chunk: Buffer, start: number, end: number): string => {
    let text: string;
    if (pending.length === 0) text = chunk.toString('utf8', start, end);
    else {
      pending.push(chunk.subarray(start, end));
      text = Buffer.concat(pending).toString('utf8');
      pending = [];
      pendingBytes = 0;
    }
    if (first) {
      first = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    return text;
  };
  for await (const data of createReadStream(file)) {
    const chunk = data as Buffer;
    const batch: Line[] = [];
    let start = afterCr && chunk[0] === LF ? 1 : 0;
    afterCr = false;
    let nextLf = chunk.indexOf(LF, start);
    let nextCr = chunk.indexOf(CR, start);
    while (nextLf >= 0 || nextCr >= 0) {
      const end = nextLf < 0 ? nextCr : nextCr < 0 ? nextLf : Math.min(nextLf, nextCr);
      if (pendingBytes + end - start > maxBytes) throw tooLong(line);
      batch.push({ text: take(chunk, start, end), line });
      line += 1;
      start = end + 1;
      if (end === nextCr) {
        if (start === chunk.length) afterCr = true;
        else if (chunk[start] === LF) start += 1;
      }
      if (nextLf >= 0 && nextLf < start) nextLf = chunk.indexOf(LF, start);
      if (nextCr >= 0 && nextCr < start) nextCr = chunk.indexOf(CR, start);
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
      if (pendingBytes > maxBytes) throw tooLong(line);
    }
    if (batch.length > 0) yield batch;
  }
  if (pending.length > 0) yield [{ text: take(Buffer.alloc(0), 0, 0), line }];
}
