import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { AttributeFilter } from './attribute-filter';
import { ImportError } from './import-error';
import type { AttributeValue, EventStager, FieldNames } from './staging';
import type { ImportOptions } from './types';

/** XES typed attribute elements; `list` and `container` hold nested attributes and are skipped whole. */
const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);
const NESTING_TAGS = new Set(['list', 'container']);
const PROGRESS_EVERY = 1 << 20;

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
  line: number;
}

/**
 * Streams an XES (IEEE 1849) log, plain or gzipped, into the stager. A trace's `concept:name` is the case
 * id; its other attributes are copied onto each of its events (an event's own attribute wins a clash).
 * `<global>` defaults fill attributes an event or trace lacks. Attributes named like direct identifiers are
 * dropped unless kept (`keepColumns`). Meta-attributes (attributes nested in
 * attributes), lists and containers are ignored: the events table holds flat values only.
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
  const globals: Record<'trace' | 'event', Record<string, AttributeValue>> = { trace: {}, event: {} };
  let globalScope: 'trace' | 'event' | null = null;
  let sawLog = false;
  let trace: (Element & { events: Element[] }) | null = null;
  let event: Element | null = null;
  let nested = 0;

  const emitTrace = (t: Element & { events: Element[] }) => {
    const traceAttrs = { ...globals.trace, ...t.attrs };
    const caseId = traceAttrs['concept:name'];
    delete traceAttrs['concept:name'];
    for (const e of t.events) {
      const all = { ...globals.event, ...traceAttrs, ...e.attrs };
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
    else if (name === 'trace') trace = { attrs: {}, events: [], line: parser.line };
    else if (name === 'event') event = { attrs: {}, line: parser.line };
    else if (ATTRIBUTE_TAGS.has(name)) {
      nested = 1;
      const key = attributes.key;
      const value = attributes.value;
      if (key === undefined || value === undefined) return;
      const target = event ?? (globalScope ? null : trace);
      const typed = typedValue(name, value);
      if (target) target.attrs[key] = typed;
      else if (globalScope) globals[globalScope][key] = typed;
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

  const decoder = new TextDecoder('utf-8');
  let lastReport = 0;
  try {
    for await (const chunk of input) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (raw.bytesRead - lastReport >= PROGRESS_EVERY) {
        lastReport = raw.bytesRead;
        options.onProgress?.({ done: raw.bytesRead, total, unit: 'bytes' });
      }
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    throw xesError(file, error, parser.line);
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
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR' || /unexpected end of file/i.test(message)) {
    return new ImportError(file, 'truncated or corrupt gzip data; nothing was imported');
  }
  // saxes messages look like "12:5: unclosed tag: trace" (prefixed by a file name when given one).
  const reason = message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
  return new ImportError(file, `malformed XES (${reason}); nothing was imported`, `line ${line}`);
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
