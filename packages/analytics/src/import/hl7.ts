import { stat } from 'node:fs/promises';
import { Hl7Message, type Hl7Segment } from '@medplum/core';
import { ImportError } from './import-error';
import { bytes, count, MAX_LINE_BYTES } from './limits';
import { readLines } from './lines';
import type { AttributeValue, EventStager, FieldNames } from './staging';
import type { ImportOptions } from './types';

/** SIU triggers that are journey touchpoints; other SIU triggers are ignored. */
const SIU_ACTIVITY: Record<string, { activity: string; lifecycle: string }> = {
  S12: { activity: 'appointment.booked', lifecycle: 'schedule' },
  S13: { activity: 'appointment.rescheduled', lifecycle: 'reassign' },
  S15: { activity: 'appointment.cancelled', lifecycle: 'withdraw' },
  S16: { activity: 'series.discontinued', lifecycle: 'withdraw' },
  S26: { activity: 'appointment.noshow', lifecycle: 'ate_abort' },
};
/** ADT triggers that are touchpoints; A08 (update) and the rest are ignored. */
const ADT_ACTIVITY: Record<string, { activity: string; lifecycle: string }> = {
  A01: { activity: 'encounter.admitted', lifecycle: 'start' },
  A03: { activity: 'encounter.discharged', lifecycle: 'complete' },
  A04: { activity: 'encounter.registered', lifecycle: 'start' },
};

const HL7_FIELDS: FieldNames = { caseId: 'PID-3', activity: 'MSH-9', timestamp: 'MSH-7/EVN' };

interface RawMessage {
  text: string;
  line: number;
}

/**
 * Reads a file of HL7 v2 messages (segments split by \r, \n or \r\n; a message starts at each MSH) with
 * @medplum/core. Case = PID-3.1. SIU: activity from the trigger (S12 booked, S13 rescheduled, S15 cancelled,
 * S16 discontinued, S26 no-show), time = MSH-7 (SIU has no EVN), appointment start SCH-11.4 and type SCH-8
 * as attributes. ADT: A01 admitted, A03 discharged, A04 registered at EVN-6, else EVN-2, else MSH-7; PV1-2
 * patient class as attribute. A message whose MSH-10 control id was already seen is a duplicate and skipped.
 * The file is read line by line; a segment or message longer than MAX_LINE_BYTES stops the import.
 */
export async function readHl7(
  file: string,
  stager: EventStager,
  options: ImportOptions,
): Promise<{ fields: FieldNames; ignoredMessages: Record<string, number> }> {
  const total = (await stat(file)).size;
  options.onProgress?.({ done: 0, total, unit: 'bytes' });
  const reader = new MessageReader(stager);
  const splitter = new MessageSplitter();
  const tooLong = (what: string, line: number) =>
    new ImportError(
      file,
      `${what} longer than ${bytes(MAX_LINE_BYTES)}; at most ${count(MAX_LINE_BYTES)} bytes are supported; nothing was imported`,
      `line ${line}`,
    );
  let leading = false;
  for await (const batch of readLines(file, MAX_LINE_BYTES, (line) => tooLong('a segment', line))) {
    for (const { text, line } of batch) {
      const done = splitter.push(text, line);
      if (done) reader.read(done);
      if (splitter.leading !== null && !leading) {
        leading = true;
        stager.add({
          location: `line ${splitter.leading}`,
          caseId: null,
          activity: null,
          timestamp: null,
          bad: 'text before the first MSH segment',
        });
      }
      if (splitter.bytes > MAX_LINE_BYTES) throw tooLong('a message', splitter.line);
    }
  }
  const last = splitter.end();
  if (last) reader.read(last);
  if (reader.messages === 0 && leading) {
    throw new ImportError(file, 'no HL7 v2 message found (no MSH segment); nothing was imported', 'line 1');
  }
  stager.finish(); // a file without any text is an empty log
  options.onProgress?.({ done: total, total, unit: 'bytes' });
  return { fields: HL7_FIELDS, ignoredMessages: reader.ignored };
}

/** Turns messages into staged events (or bad records), counting the ones that are no touchpoint. */
class MessageReader {
  readonly ignored: Record<string, number> = {};
  messages = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly stager: EventStager) {}

  read(raw: RawMessage): void {
    this.messages += 1;
    const { stager, ignored, seen } = this;
    const location = `message at line ${raw.line}`;
    const bad = (reason: string) =>
      stager.add({ location, caseId: null, activity: null, timestamp: null, bad: reason });
    let message: Hl7Message;
    try {
      message = Hl7Message.parse(raw.text);
    } catch {
      bad('unparsable HL7 message');
      return;
    }
    const msh = message.getSegment('MSH');
    const type = component(msh, 9, 1);
    const trigger = component(msh, 9, 2);
    const controlId = fieldText(msh, 10);
    const mapped =
      type === 'SIU' ? SIU_ACTIVITY[trigger] : type === 'ADT' ? ADT_ACTIVITY[trigger] : undefined;
    if (!mapped) {
      const key = `${type}^${trigger}`;
      ignored[key] = (ignored[key] ?? 0) + 1;
      return;
    }
    if (controlId !== '') {
      if (seen.has(controlId)) {
        ignored.duplicate = (ignored.duplicate ?? 0) + 1;
        return;
      }
      seen.add(controlId);
    }
    const caseId = component(message.getSegment('PID'), 3, 1);
    if (caseId.trim() === '') {
      bad('empty patient id (PID-3)');
      return;
    }
    const attrs: Record<string, AttributeValue> = { messageType: `${type}^${trigger}` };
    let time: { field: string; value: string };
    if (type === 'SIU') {
      time = { field: 'MSH-7', value: fieldText(msh, 7) };
      const sch = message.getSegment('SCH');
      const start = component(sch, 11, 4);
      if (start !== '') attrs.appointmentStart = hl7Time(start) ?? start;
      const appointmentType = component(sch, 8, 1);
      if (appointmentType !== '') attrs.appointmentType = appointmentType;
    } else {
      const evn = message.getSegment('EVN');
      const occurred = fieldText(evn, 6);
      const recorded = fieldText(evn, 2);
      time =
        occurred !== ''
          ? { field: 'EVN-6', value: occurred }
          : recorded !== ''
            ? { field: 'EVN-2', value: recorded }
            : { field: 'MSH-7', value: fieldText(msh, 7) };
      const patientClass = component(message.getSegment('PV1'), 2, 1);
      if (patientClass !== '') attrs.patientClass = patientClass;
    }
    const timestamp = hl7Time(time.value);
    if (timestamp === null) {
      bad(
        time.value === ''
          ? `missing time (${time.field})`
          : `time (${time.field}) is not an HL7 date/time (expected YYYYMMDD[HHMM[SS]][+ZZZZ], e.g. 20250301143000+0100)`,
      );
      return;
    }
    stager.add({
      location,
      caseId,
      activity: mapped.activity,
      timestamp,
      channel: type === 'ADT' ? 'in-person' : null,
      lifecycle: mapped.lifecycle,
      attrs,
    });
  }
}

/**
 * Groups lines into messages, one starting at each MSH segment. `leading` is the line of the first text
 * before any MSH; `bytes` and `line` describe the message being gathered.
 */
export class MessageSplitter {
  leading: number | null = null;
  private current: { segments: string[]; line: number; bytes: number } | null = null;

  get bytes(): number {
    return this.current?.bytes ?? 0;
  }

  get line(): number {
    return this.current?.line ?? 0;
  }

  /** Adds a line; returns the message it ended, if it starts a new one. */
  push(text: string, line: number): RawMessage | null {
    if (text.startsWith('MSH')) {
      const done = this.end();
      this.current = { segments: [text], line, bytes: text.length };
      return done;
    }
    if (text.trim() !== '') {
      if (this.current) {
        this.current.segments.push(text);
        this.current.bytes += text.length + 1;
      } else this.leading ??= line;
    }
    return null;
  }

  /** The message being gathered, if any (call at the end of the file). */
  end(): RawMessage | null {
    const done = this.current && { text: this.current.segments.join('\r'), line: this.current.line };
    this.current = null;
    return done;
  }
}

/** Splits a whole text into messages at each MSH segment; `leading` is the line of any text before the first. */
export function splitMessages(text: string): { messages: RawMessage[]; leading: number | null } {
  const splitter = new MessageSplitter();
  const messages: RawMessage[] = [];
  for (const [i, line] of text.split(/\r\n|\r|\n/).entries()) {
    const done = splitter.push(line, i + 1);
    if (done) messages.push(done);
  }
  const last = splitter.end();
  if (last) messages.push(last);
  return { messages, leading: splitter.leading };
}

/**
 * HL7 DTM (`YYYY[MM[DD[HH[MM[SS[.S…]]]]]][+/-ZZZZ]`) → ISO 8601 text, with the offset when given.
 * Needs at least a day; null when the text is not a DTM.
 */
export function hl7Time(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(\.\d{1,4})?([+-]\d{4})?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', tz] = m;
  const offset = tz ? `${tz.slice(0, 3)}:${tz.slice(3)}` : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset}`;
}

/** A field as text; '' when the segment or field is absent (medplum returns undefined past the last field). */
function fieldText(segment: Hl7Segment | undefined, index: number): string {
  return (segment?.getField(index) as Hl7Segment['fields'][number] | undefined)?.toString() ?? '';
}

function component(segment: Hl7Segment | undefined, fieldIndex: number, componentIndex: number): string {
  return fieldText(segment, fieldIndex) === ''
    ? ''
    : (segment?.getComponent(fieldIndex, componentIndex) ?? '');
}
