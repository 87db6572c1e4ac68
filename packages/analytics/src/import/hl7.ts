import { readFile } from 'node:fs/promises';
import { Hl7Message, type Hl7Segment } from '@medplum/core';
import { ImportError } from './import-error';
import type { AttributeValue, EventStager, FieldNames } from './staging';
import type { ImportOptions } from './types';

/** SIU triggers that are journey touchpoints (healthcare.md §2.3); other SIU triggers are ignored. */
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
 */
export async function readHl7(
  file: string,
  stager: EventStager,
  options: ImportOptions,
): Promise<{ fields: FieldNames; ignoredMessages: Record<string, number> }> {
  const text = await readFile(file, 'utf8');
  options.onProgress?.({ done: 0, total: text.length, unit: 'bytes' });
  const { messages, leading } = splitMessages(text);
  if (messages.length === 0 && text.trim() === '') {
    stager.finish(); // an empty file is an empty log
    return { fields: HL7_FIELDS, ignoredMessages: {} };
  }
  if (messages.length === 0) {
    throw new ImportError(file, 'no HL7 v2 message found (no MSH segment); nothing was imported', 'line 1');
  }
  if (leading !== null) {
    stager.add({
      location: `line ${leading}`,
      caseId: null,
      activity: null,
      timestamp: null,
      bad: 'text before the first MSH segment',
    });
  }
  const ignored: Record<string, number> = {};
  const seen = new Set<string>();
  for (const raw of messages) {
    const location = `message at line ${raw.line}`;
    const bad = (reason: string) =>
      stager.add({ location, caseId: null, activity: null, timestamp: null, bad: reason });
    let message: Hl7Message;
    try {
      message = Hl7Message.parse(raw.text);
    } catch {
      bad('unparsable HL7 message');
      continue;
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
      continue;
    }
    if (controlId !== '') {
      if (seen.has(controlId)) {
        ignored.duplicate = (ignored.duplicate ?? 0) + 1;
        continue;
      }
      seen.add(controlId);
    }
    const caseId = component(message.getSegment('PID'), 3, 1);
    if (caseId.trim() === '') {
      bad('empty patient id (PID-3)');
      continue;
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
      bad(time.value === '' ? `missing time (${time.field})` : `time (${time.field}) is not an HL7 DTM`);
      continue;
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
  stager.finish();
  options.onProgress?.({ done: text.length, total: text.length, unit: 'bytes' });
  return { fields: HL7_FIELDS, ignoredMessages: ignored };
}

/** Splits a file into messages at each MSH segment; `leading` is the line of any text before the first. */
export function splitMessages(text: string): { messages: RawMessage[]; leading: number | null } {
  const lines = text.split(/\r\n|\r|\n/);
  const messages: RawMessage[] = [];
  let leading: number | null = null;
  let current: { segments: string[]; line: number } | null = null;
  for (const [i, line] of lines.entries()) {
    if (line.startsWith('MSH')) {
      if (current) messages.push({ text: current.segments.join('\r'), line: current.line });
      current = { segments: [line], line: i + 1 };
    } else if (line.trim() !== '') {
      if (current) current.segments.push(line);
      else leading ??= i + 1;
    }
  }
  if (current) messages.push({ text: current.segments.join('\r'), line: current.line });
  return { messages, leading };
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
