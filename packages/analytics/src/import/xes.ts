import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AttributeFilter } from './attribute-filter';
import { ImportError } from './import-error';
import { bytes, count, MAX_COLUMNS, MAX_FIELD_BYTES, MAX_GZIP_RATIO, MAX_INFLATED_BYTES } from './limits';
import type { AttributeValue, EventStager, FieldNames } from './staging';
import type { ImportOptions } from './types';

/** XES typed attribute elements; `list` and `container` hold nested attributes and are skipped whole. */
const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const NESTING_TAGS = new Set(['list', 'container']);
const PROGRESS_EVERY = 1 << 20;
/** Inflated bytes allowed beyond MAX_GZIP_RATIO × compressed bytes read, for a repetitive start. */
const RATIO_ALLOWANCE = 16 * 1024 * 1024;
/** Element names of XES (IEEE 1849): the only names an error message repeats. */
const XES_ELEMENTS = new Set([
  'log',
  'trace',
  'event',
  'global',
  'extension',
  'classifier',
  'string',
  'date',
  'int',
  'float',
  'boolean',
  'id',
  'list',
  'container',
  'values',
]);

/** Standard-extension keys that become event columns instead of attributes. */
const COLUMN_KEYS = new Set([
  'concept:name',
  'time:timestamp',
  'lifecycle:transition',
  'org:resource',
  'cost:total',
  'channel',
]);

interface Element {
  attrs: Record<string, AttributeValue>;
  /** How many keys `attrs` holds. */
  size: number;
  line: number;
}

/**
 * Streams an XES (IEEE 1849) log, plain or gzipped, into the stager. A trace's `concept:name` is the case
 * id; its other attributes are copied onto each of its events (an event's own attribute wins a clash).
 * `<global>` defaults fill attributes an event or trace lacks. Attributes named like direct identifiers are
 * dropped unless kept (`keepColumns`). Meta-attributes (attributes nested in
 * attributes), lists and containers are ignored: the events table holds flat values only. The read stops
 * with an ImportError when a `.xes.gz` inflates past `maxInflatedBytes` or MAX_GZIP_RATIO times its size,
 * when one tag, value or text runs past MAX_FIELD_BYTES characters, or when an event or trace has more
 * than MAX_COLUMNS attributes.
 */
export async function readXes(
  file: string,
  stager: EventStager,
  options: ImportOptions,
): Promise<{ fields: FieldNames; droppedColumns: string[] }> {
  const filter = new AttributeFilter(options.keepColumns);
  const total = (await stat(file)).size;
  const raw = createReadStream(file);
  const gzipped = await isGzip(file);
  const input: Readable = gzipped ? raw.pipe(createGunzip()) : raw;
  if (gzipped) raw.on('error', (error) => input.destroy(error));

  const parser = new SaxesParser({ position: true });
  const globals: Record<'trace' | 'event', Element> = {
    trace: { attrs: {}, size: 0, line: 0 },
    event: { attrs: {}, size: 0, line: 0 },
  };
  let globalScope: 'trace' | 'event' | null = null;
  let sawLog = false;
  let trace: (Element & { events: Element[] }) | null = null;
  let event: Element | null = null;
  let nested = 0;

  const emitTrace = (t: Element & { events: Element[] }) => {
    const traceAttrs = { ...globals.trace.attrs, ...t.attrs };
    const caseId = traceAttrs['concept:name'];
    delete traceAttrs['concept:name'];
    for (const e of t.events) {
      const all = { ...globals.event.attrs, ...traceAttrs, ...e.attrs };
      const attrs: Record<string, AttributeValue> = {};
      for (const [k, v] of Object.entries(all)) if (!COLUMN_KEYS.has(k) && filter.keeps(k)) attrs[k] = v;
      const cost = all['cost:total'];
      stager.add({
        location: `line ${e.line}`,
        caseId: caseId === undefined ? null : String(caseId),
        activity: text(all['concept:name']),
        timestamp: text(all['time:timestamp']),
        lifecycle: text(all['lifecycle:transition']),
        resource: text(all['org:resource']),
        channel: text(all.channel),
        cost: typeof cost === 'number' ? cost : null,
        attrs,
      });
    }
  };

  parser.on('opentag', (tag) => {
    if (nested > 0) {
      nested += 1;
      return;
    }
    const name = localName(tag.name);
    const attributes = (tag as SaxesTagPlain).attributes;
    if (name === 'log') sawLog = true;
    else if (name === 'global') globalScope = attributes.scope === 'trace' ? 'trace' : 'event';
    else if (name === 'trace') trace = { attrs: {}, size: 0, events: [], line: parser.line };
    else if (name === 'event') event = { attrs: {}, size: 0, line: parser.line };
    else if (ATTRIBUTE_TAGS.has(name)) {
      nested = 1;
      const key = attributes.key;
      const value = attributes.value;
      if (key === undefined || value === undefined) return;
      const target = event ?? (globalScope ? globals[globalScope] : trace);
      if (!target) return;
      if (!Object.hasOwn(target.attrs, key)) {
        target.size += 1;
        if (target.size > MAX_COLUMNS) {
          throw new ImportError(
            file,
            `an event or trace with more than ${count(MAX_COLUMNS)} attributes; at most ${count(MAX_COLUMNS)} are supported; nothing was imported`,
            `line ${parser.line}`,
          );
        }
      }
      target.attrs[key] = typedValue(name, value);
    } else if (NESTING_TAGS.has(name)) nested = 1;
  });
  parser.on('closetag', (tag) => {
    if (nested > 0) {
      nested -= 1;
      return;
    }
    const name = localName(tag.name);
    if (name === 'global') globalScope = null;
    else if (name === 'event' && event) {
      trace?.events.push(event);
      event = null;
    } else if (name === 'trace' && trace) {
      emitTrace(trace);
      trace = null;
    }
  });

  // Where the tag being read started: a tag, value or text longer than MAX_FIELD_BYTES stops the read.
  let mark = 0;
  let markLine = 1;
  parser.on('opentagstart', () => {
    mark = parser.position;
    markLine = parser.line;
  });

  const decoder = new TextDecoder('utf-8');
  const maxInflated = options.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  let inflated = 0;
  let lastReport = 0;
  try {
    for await (const chunk of input) {
      const data = chunk as Buffer;
      if (gzipped) {
        inflated += data.length;
        if (inflated > maxInflated) {
          throw new ImportError(
            file,
            `inflates to more than ${bytes(maxInflated)}; at most ${bytes(maxInflated)} of XES are supported; nothing was imported`,
          );
        }
        if (inflated > MAX_GZIP_RATIO * raw.bytesRead + RATIO_ALLOWANCE) {
          throw new ImportError(
            file,
            `inflates to more than ${MAX_GZIP_RATIO} times its compressed size, as no real XES log does (a decompression bomb?); nothing was imported`,
          );
        }
      }
      parser.write(decoder.decode(data, { stream: true }));
      if (parser.position - mark > MAX_FIELD_BYTES) {
        throw new ImportError(
          file,
          `a tag, value or text longer than ${bytes(MAX_FIELD_BYTES)}; at most ${count(MAX_FIELD_BYTES)} characters are supported; nothing was imported`,
          `line ${markLine}`,
        );
      }
      if (raw.bytesRead - lastReport >= PROGRESS_EVERY) {
        lastReport = raw.bytesRead;
        options.onProgress?.({ done: raw.bytesRead, total, unit: 'bytes' });
      }
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    throw xesError(file, error, parser.line);
  } finally {
    raw.destroy();
    input.destroy();
  }
  if (!sawLog) throw new ImportError(file, 'not an XES file: no <log> element; nothing was imported');
  stager.finish();
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return {
    fields: {
      caseId: 'trace concept:name',
      activity: 'concept:name',
      timestamp: 'time:timestamp',
      cost: 'cost:total',
    },
    droppedColumns: filter.dropped,
  };
}

function xesError(file: string, error: unknown, line: number): ImportError {
  if (error instanceof ImportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test(message)) {
    return new ImportError(file, 'truncated or corrupt gzip data; nothing was imported');
  }
  return new ImportError(
    file,
    `malformed XES (${saxesReason(message)}); nothing was imported`,
    `line ${line}`,
  );
}

/**
 * A saxes message (`12:5: unclosed tag: trace`) without its position, and without any name from the file
 * that is not an XES element name (a name can be any text, so it may be patient data).
 */
function saxesReason(message: string): string {
  const reason = message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '').replace(/\.$/, '');
  const named =
    /^(unclosed tag|unmatched closing tag|duplicate attribute|malformed name|unbound namespace prefix|the default namespace may not be set to|expected one of|expected the name): /.exec(
      reason,
    );
  if (!named) return reason;
  const name = reason.slice(named[0].length);
  return XES_ELEMENTS.has(localName(name)) ? reason : (named[1] ?? reason);
}

async function isGzip(file: string): Promise<boolean> {
  const stream = createReadStream(file, { start: 0, end: 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const head = Buffer.concat(chunks);
  return head[0] === 0x1f && head[1] === 0x8b;
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function typedValue(tag: string, value: string): AttributeValue {
  if (tag === 'int' || tag === 'float') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  if (tag === 'boolean') return value.trim().toLowerCase() === 'true';
  return value;
}

function text(value: AttributeValue | undefined): string | null {
  return value === undefined ? null : String(value);
}
