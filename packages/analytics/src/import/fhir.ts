import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  Appointment,
  Bundle,
  CodeableConcept,
  Communication,
  Encounter,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { AttributeFilter } from './attribute-filter';
import { ImportError } from './import-error';
import { bytes, count, MAX_BUNDLE_BYTES, MAX_LINE_BYTES } from './limits';
import { readLines } from './lines';
import type { AttributeValue, EventStager, FieldNames, RawEvent } from './staging';
import type { ImportOptions } from './types';

/**
 * FHIR R4 → events. Case = the patient's logical id (`Patient/x` → `x`; `urn:uuid`
 * references resolve through the bundle's `fullUrl`s). Resources with status `entered-in-error` are dropped.
 *
 * - Appointment (R4 keeps only its current status, so we emit what one version shows):
 *   `appointment.booked` at `created` (when present and the status is past proposal: booked, arrived,
 *   checked-in, fulfilled, noshow, cancelled; a `booked` appointment without `created` uses
 *   `meta.lastUpdated`); then one event for the current status: arrived/checked-in → `appointment.arrived`,
 *   fulfilled → `appointment.fulfilled`, noshow → `appointment.noshow`, all at `start` (the slot it
 *   happened or was missed), else `meta.lastUpdated`; cancelled → `appointment.cancelled` at
 *   `meta.lastUpdated` (when the cancellation was recorded), else `start`; proposed/pending/waitlist →
 *   `appointment.<status>` at `created`, else `meta.lastUpdated`.
 * - Encounter: `encounter.started` at `period.start` (unless planned/cancelled), `encounter.finished` at
 *   `period.end` when finished; `class` → channel (VR video, HH home, FLD field, others in-person).
 * - ServiceRequest: `referral.placed` at `authoredOn`.
 * - Communication: `message.sent` at `sent`; `medium` (v3 ParticipationMode) → channel.
 * - QuestionnaireResponse (completed/amended): `survey.completed` at `authored`; numeric, boolean, string
 *   and coded answers become attributes named by `linkId` (e.g. `nps: 9`); linkIds named like direct
 *   identifiers (e.g. `email`) are dropped unless kept.
 * - Patient gives identity only. Any other type is counted in `unknownResourceTypes` and skipped.
 * A mapped resource without the patient or the time its rule needs is a bad record.
 */
export async function readFhir(
  path: string,
  format: 'fhir-bundle' | 'fhir-ndjson',
  stager: EventStager,
  options: ImportOptions,
): Promise<{ fields: FieldNames; unknownResourceTypes: Record<string, number>; droppedColumns: string[] }> {
  const mapper = new FhirMapper(stager, new AttributeFilter(options.keepColumns));
  if (format === 'fhir-bundle') await readBundleFile(path, mapper, options);
  else await readNdjson(path, mapper, options);
  stager.finish();
  return {
    fields: { caseId: 'patient reference', activity: 'resource type', timestamp: 'time' },
    unknownResourceTypes: mapper.unknown,
    droppedColumns: mapper.filter.dropped,
  };
}

async function readBundleFile(file: string, mapper: FhirMapper, options: ImportOptions): Promise<void> {
  const size = (await stat(file)).size;
  if (size > MAX_BUNDLE_BYTES) {
    throw new ImportError(
      file,
      `a FHIR Bundle JSON file of more than ${bytes(MAX_BUNDLE_BYTES)} is not supported (it is parsed whole); export larger data as NDJSON, one resource per line; nothing was imported`,
    );
  }
  const text = await readFile(file, 'utf8');
  options.onProgress?.({ done: 0, total: text.length, unit: 'bytes' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(
      file,
      `invalid JSON: ${jsonReason(error)}; nothing was imported`,
      jsonLine(text, error),
    );
  }
  const resource = json as Resource;
  if (typeof json !== 'object' || json === null || typeof resource.resourceType !== 'string') {
    throw new ImportError(file, 'not a FHIR resource: no resourceType; nothing was imported');
  }
  mapper.resource(resource, 'resource');
  options.onProgress?.({ done: text.length, total: text.length, unit: 'bytes' });
}

async function readNdjson(path: string, mapper: FhirMapper, options: ImportOptions): Promise<void> {
  const info = await stat(path);
  const files = info.isDirectory()
    ? (await readdir(path))
        .filter((f) => /\.(ndjson|jsonl)$/i.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (files.length === 0) throw new ImportError(path, 'folder holds no .ndjson files; nothing was imported');
  const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  for (const [i, file] of files.entries()) {
    const name = basename(file);
    const tooLong = (line: number) =>
      new ImportError(
        path,
        `a line longer than ${bytes(MAX_LINE_BYTES)}; at most ${count(MAX_LINE_BYTES)} bytes per resource are supported; nothing was imported`,
        `${name} line ${line}`,
      );
    for await (const batch of readLines(file, MAX_LINE_BYTES, tooLong)) {
      for (const { text, line } of batch) {
        if (text.trim() === '') continue;
        let resource: Resource;
        try {
          resource = JSON.parse(text) as Resource;
        } catch (error) {
          mapper.bad(`${name} line ${line}`, `invalid JSON: ${jsonReason(error)}`);
          continue;
        }
        if (typeof resource !== 'object' || resource === null || typeof resource.resourceType !== 'string') {
          mapper.bad(`${name} line ${line}`, 'not a FHIR resource: no resourceType');
          continue;
        }
        mapper.resource(resource, `${name} line ${line}`);
      }
    }
    done += sizes[i] ?? 0;
    options.onProgress?.({ done, total, unit: 'bytes' });
  }
}

/**
 * V8's JSON.parse message reduced to the problem (e.g. `expected ',' or '}' after property value`): without
 * the quoted snippet of the file or the unexpected character, either of which may be patient data.
 */
function jsonReason(error: unknown): string {
  const reason = (error instanceof Error ? error.message : String(error))
    .replace(/, (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/, '')
    .replace(/ in JSON at position \d+[\s\S]*$/, '')
    .replace(/^Unexpected token [\s\S]*$/, 'unexpected character');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * The line of a JSON.parse error. V8 gives either "at position N" or a snippet of up to 10 characters each
 * side of the error (`..."before<error>after"...`), which we find in the text; end of input is the last line.
 */
function jsonLine(text: string, error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const lineAt = (position: number) => `line ${text.slice(0, position).split('\n').length}`;
  const at = /at position (\d+)/.exec(message);
  if (at) return lineAt(Number(at[1]));
  if (/Unexpected end of JSON input/.test(message)) return lineAt(text.trimEnd().length);
  const snippet = /, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!snippet) return undefined;
  const context = snippet[2] ?? '';
  const start = text.indexOf(context);
  if (start < 0) return undefined;
  return lineAt(start + (snippet[1] ? Math.min(10, context.length - 1) : 0));
}

const ENCOUNTER_CHANNEL: Record<string, string> = { VR: 'video', HH: 'home', FLD: 'field' };
const MEDIUM_CHANNEL: Record<string, string> = {
  PHONE: 'phone',
  VIDEOCONF: 'video',
  EMAILWRIT: 'email',
  MAILWRIT: 'mail',
  FAXWRIT: 'fax',
  ONLINEWRIT: 'portal',
  FACE: 'in-person',
  SMS: 'sms',
};
const APPOINTMENT_STATUS_EVENT: Record<string, { activity: string; lifecycle: string }> = {
  arrived: { activity: 'appointment.arrived', lifecycle: 'start' },
  'checked-in': { activity: 'appointment.arrived', lifecycle: 'start' },
  fulfilled: { activity: 'appointment.fulfilled', lifecycle: 'complete' },
  noshow: { activity: 'appointment.noshow', lifecycle: 'ate_abort' },
  cancelled: { activity: 'appointment.cancelled', lifecycle: 'withdraw' },
};
const PATIENT_REF = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/;

/** Turns resources into RawEvents, in file order. */
class FhirMapper {
  readonly unknown: Record<string, number> = {};
  /** `fullUrl` of a Patient entry → its case id, for `urn:uuid:` references inside a bundle. */
  private readonly fullUrls = new Map<string, string>();

  constructor(
    private readonly stager: EventStager,
    readonly filter: AttributeFilter,
  ) {}

  bad(location: string, reason: string): void {
    this.stager.add({ location, caseId: null, activity: null, timestamp: null, bad: reason });
  }

  resource(resource: Resource, location: string): void {
    if (resource.resourceType === 'Bundle') {
      this.bundle(resource, location === 'resource' ? '' : `${location} `);
      return;
    }
    if ((resource as { status?: string }).status === 'entered-in-error') return;
    switch (resource.resourceType) {
      case 'Patient':
        return;
      case 'Appointment':
        this.appointment(resource, location);
        return;
      case 'Encounter':
        this.encounter(resource, location);
        return;
      case 'ServiceRequest':
        this.serviceRequest(resource, location);
        return;
      case 'Communication':
        this.communication(resource, location);
        return;
      case 'QuestionnaireResponse':
        this.questionnaireResponse(resource, location);
        return;
      default:
        this.unknown[resource.resourceType] = (this.unknown[resource.resourceType] ?? 0) + 1;
    }
  }

  private bundle(bundle: Bundle, prefix: string): void {
    const entries = bundle.entry ?? [];
    for (const entry of entries) {
      const r = entry.resource;
      if (r?.resourceType === 'Patient' && entry.fullUrl)
        this.fullUrls.set(entry.fullUrl, r.id ?? entry.fullUrl);
    }
    for (const [i, entry] of entries.entries()) {
      if (entry.resource && entry.request?.method !== 'DELETE') {
        this.resource(entry.resource, `${prefix}entry ${i + 1}`);
      }
    }
  }

  private caseOf(reference: Reference | undefined): string | null {
    const ref = reference?.reference;
    if (!ref) return null;
    const known = this.fullUrls.get(ref);
    if (known !== undefined) return known;
    return PATIENT_REF.exec(ref)?.[1] ?? null;
  }

  private emit(
    location: string,
    caseId: string | null,
    activity: string,
    time: { path: string; value: string | undefined },
    extra: Partial<RawEvent> = {},
  ): void {
    const where = `${location} (${time.path})`;
    if (caseId === null) {
      this.stager.add({ location: where, caseId, activity, timestamp: null, bad: 'no Patient reference' });
    } else if (time.value === undefined) {
      this.stager.add({
        location: where,
        caseId,
        activity,
        timestamp: null,
        bad: `missing ${time.path} for ${activity}`,
      });
    } else {
      this.stager.add({ location: where, caseId, activity, timestamp: time.value, ...extra });
    }
  }

  private appointment(a: Appointment, location: string): void {
    const patient = (a.participant ?? []).map((p) => this.caseOf(p.actor)).find((c) => c !== null) ?? null;
    const attrs = compact({
      appointmentType: code(a.appointmentType),
      serviceType: code(a.serviceType?.[0]),
    });
    const status = a.status;
    const lastUpdated = a.meta?.lastUpdated;
    const pastProposal = ['booked', 'arrived', 'checked-in', 'fulfilled', 'noshow', 'cancelled'];
    if (a.created !== undefined && pastProposal.includes(status)) {
      this.emit(
        location,
        patient,
        'appointment.booked',
        { path: 'Appointment.created', value: a.created },
        {
          lifecycle: 'schedule',
          attrs,
        },
      );
    } else if (status === 'booked') {
      this.emit(
        location,
        patient,
        'appointment.booked',
        { path: 'Appointment.meta.lastUpdated', value: lastUpdated },
        {
          lifecycle: 'schedule',
          attrs,
        },
      );
    }
    const statusEvent = APPOINTMENT_STATUS_EVENT[status];
    if (statusEvent) {
      const time =
        status === 'cancelled'
          ? pick(['Appointment.meta.lastUpdated', lastUpdated], ['Appointment.start', a.start])
          : pick(['Appointment.start', a.start], ['Appointment.meta.lastUpdated', lastUpdated]);
      this.emit(location, patient, statusEvent.activity, time, { lifecycle: statusEvent.lifecycle, attrs });
    } else if (status === 'proposed' || status === 'pending' || status === 'waitlist') {
      const time = pick(['Appointment.created', a.created], ['Appointment.meta.lastUpdated', lastUpdated]);
      this.emit(location, patient, `appointment.${status}`, time, { attrs });
    }
  }

  private encounter(e: Encounter, location: string): void {
    const patient = this.caseOf(e.subject);
    const classCode = e.class?.code;
    const channel = classCode === undefined ? null : (ENCOUNTER_CHANNEL[classCode] ?? 'in-person');
    const attrs = compact({ encounterClass: classCode });
    if (e.status !== 'planned' && e.status !== 'cancelled' && e.period?.start !== undefined) {
      this.emit(
        location,
        patient,
        'encounter.started',
        { path: 'Encounter.period.start', value: e.period.start },
        {
          channel,
          lifecycle: 'start',
          attrs,
        },
      );
    }
    if (e.status === 'finished') {
      this.emit(
        location,
        patient,
        'encounter.finished',
        { path: 'Encounter.period.end', value: e.period?.end },
        {
          channel,
          lifecycle: 'complete',
          attrs,
        },
      );
    }
  }

  private serviceRequest(s: ServiceRequest, location: string): void {
    this.emit(
      location,
      this.caseOf(s.subject),
      'referral.placed',
      {
        path: 'ServiceRequest.authoredOn',
        value: s.authoredOn,
      },
      { lifecycle: 'complete', attrs: compact({ category: code(s.category?.[0]) }) },
    );
  }

  private communication(c: Communication, location: string): void {
    if (c.status === 'preparation' || c.status === 'not-done') return; // never sent
    const medium = c.medium?.[0];
    const mediumCode = medium?.coding?.[0]?.code;
    const channel =
      (mediumCode !== undefined ? MEDIUM_CHANNEL[mediumCode.toUpperCase()] : undefined) ??
      medium?.text?.toLowerCase() ??
      mediumCode?.toLowerCase() ??
      null;
    this.emit(
      location,
      this.caseOf(c.subject),
      'message.sent',
      { path: 'Communication.sent', value: c.sent },
      {
        channel,
        lifecycle: 'complete',
        attrs: compact({ category: code(c.category?.[0]) }),
      },
    );
  }

  private questionnaireResponse(q: QuestionnaireResponse, location: string): void {
    if (q.status !== 'completed' && q.status !== 'amended') return; // not (yet) a completed survey
    const attrs: Record<string, AttributeValue> = {};
    if (q.questionnaire) attrs.questionnaire = q.questionnaire;
    collectAnswers(q.item ?? [], attrs, this.filter);
    const patient = this.caseOf(q.subject) ?? this.caseOf(q.source);
    this.emit(
      location,
      patient,
      'survey.completed',
      { path: 'QuestionnaireResponse.authored', value: q.authored },
      {
        lifecycle: 'complete',
        attrs,
      },
    );
  }
}

function collectAnswers(
  items: readonly QuestionnaireResponseItem[],
  attrs: Record<string, AttributeValue>,
  filter: AttributeFilter,
): void {
  for (const item of items) {
    const answer = item.answer?.[0];
    if (answer) {
      const coded = answer.valueCoding?.code;
      const value =
        answer.valueInteger ??
        answer.valueDecimal ??
        answer.valueBoolean ??
        answer.valueString ??
        answer.valueQuantity?.value ??
        (coded !== undefined && /^-?\d+(\.\d+)?$/.test(coded) ? Number(coded) : coded);
      if (value !== undefined && filter.keeps(item.linkId)) attrs[item.linkId] = value;
      collectAnswers(answer.item ?? [], attrs, filter);
    }
    collectAnswers(item.item ?? [], attrs, filter);
  }
}

function pick(...candidates: [string, string | undefined][]): { path: string; value: string | undefined } {
  const found = candidates.find(([, value]) => value !== undefined) ?? candidates[0]!;
  return { path: found[0], value: found[1] };
}

function code(concept: CodeableConcept | undefined): string | undefined {
  return concept?.coding?.[0]?.code ?? concept?.text;
}

function compact(values: Record<string, string | undefined>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out;
}
