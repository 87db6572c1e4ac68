import type { ClinicEvent } from './clinic';

/** Turns generated events into text, one patient at a time, for a streaming writer. */
export interface LogFormat {
  header(): string;
  patient(events: readonly ClinicEvent[]): string;
  footer(): string;
}

export const CSV_COLUMNS = [
  'case_id',
  'activity',
  'timestamp',
  'channel',
  'resource',
  'source',
  'location',
  'cost',
  'nps',
  'csat',
] as const;

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV with a header row; timestamps ISO 8601 with `Z`; empty fields for missing values. */
export const csvFormat: LogFormat = {
  header: () => `${CSV_COLUMNS.join(',')}\n`,
  patient: (events) =>
    events
      .map(
        (e) =>
          `${[
            e.caseId,
            e.activity,
            new Date(e.ts).toISOString(),
            e.channel,
            e.resource,
            e.source,
            e.location,
            e.cost,
            e.nps,
            e.csat,
          ]
            .map(csvField)
            .join(',')}\n`,
      )
      .join(''),
  footer: () => '',
};

function xml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** IEEE 1849 XES: one trace per patient; source and location as trace attributes. */
export const xesFormat: LogFormat = {
  header: () =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">',
      '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
      '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
      '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
      '  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
      '  <extension name="Cost" prefix="cost" uri="http://www.xes-standard.org/cost.xesext"/>',
      '  <global scope="event">',
      '    <string key="lifecycle:transition" value="complete"/>',
      '  </global>',
      '',
    ].join('\n'),
  patient: (events) => {
    const first = events[0];
    if (!first) return '';
    const out = [
      '  <trace>',
      `    <string key="concept:name" value="${xml(first.caseId)}"/>`,
      `    <string key="source" value="${xml(first.source)}"/>`,
      `    <string key="location" value="${xml(first.location)}"/>`,
    ];
    for (const e of events) {
      out.push('    <event>');
      out.push(`      <string key="concept:name" value="${xml(e.activity)}"/>`);
      out.push(`      <date key="time:timestamp" value="${new Date(e.ts).toISOString()}"/>`);
      out.push('      <string key="lifecycle:transition" value="complete"/>');
      if (e.resource !== null) out.push(`      <string key="org:resource" value="${xml(e.resource)}"/>`);
      if (e.channel !== null) out.push(`      <string key="channel" value="${xml(e.channel)}"/>`);
      if (e.cost !== null) out.push(`      <float key="cost:total" value="${e.cost}"/>`);
      if (e.nps !== null) out.push(`      <int key="nps" value="${e.nps}"/>`);
      if (e.csat !== null) out.push(`      <int key="csat" value="${e.csat}"/>`);
      out.push('    </event>');
    }
    out.push('  </trace>', '');
    return out.join('\n');
  },
  footer: () => '</log>\n',
};

const iso = (ts: number) => new Date(ts).toISOString();
const MEDIUM: Record<string, string> = {
  sms: 'SMS',
  email: 'EMAILWRIT',
  phone: 'PHONE',
  portal: 'ONLINEWRIT',
};

/** The FHIR R4 resource for one generated event, or null when FHIR has no resource for it. */
function fhirResource(e: ClinicEvent, n: number): Record<string, unknown> | null {
  const id = `${e.caseId}-${n}`;
  const patient = { reference: `Patient/${e.caseId}` };
  const appointment = (status: string, time: Record<string, unknown>) => ({
    resourceType: 'Appointment',
    id,
    status,
    ...time,
    participant: [{ actor: patient, status: 'accepted' }],
  });
  switch (e.activity) {
    case 'appointment.booked':
      return appointment('booked', { meta: { lastUpdated: iso(e.ts) } });
    case 'appointment.arrived':
      return appointment('arrived', { start: iso(e.ts) });
    case 'appointment.noshow':
      return appointment('noshow', { start: iso(e.ts) });
    case 'appointment.cancelled':
      return appointment('cancelled', { meta: { lastUpdated: iso(e.ts) } });
    case 'visit.completed':
    case 'followup.completed':
      return {
        resourceType: 'Encounter',
        id,
        status: 'finished',
        class: {
          system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
          code: e.channel === 'video' ? 'VR' : 'AMB',
        },
        subject: patient,
        period: { start: iso(e.ts - 30 * 60_000), end: iso(e.ts) },
      };
    case 'referral.placed':
      return {
        resourceType: 'ServiceRequest',
        id,
        status: 'active',
        intent: 'order',
        subject: patient,
        authoredOn: iso(e.ts),
      };
    case 'reminder.sent':
    case 'survey.sent':
    case 'intake.sent':
    case 'portal.invited': {
      const code = MEDIUM[e.channel ?? ''];
      return {
        resourceType: 'Communication',
        id,
        status: 'completed',
        subject: patient,
        sent: iso(e.ts),
        ...(code
          ? {
              medium: [
                { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code }] },
              ],
            }
          : {}),
      };
    }
    case 'survey.completed':
      return {
        resourceType: 'QuestionnaireResponse',
        id,
        status: 'completed',
        subject: patient,
        authored: iso(e.ts),
        item: [
          { linkId: 'nps', answer: [{ valueInteger: e.nps }] },
          { linkId: 'csat', answer: [{ valueInteger: e.csat }] },
        ],
      };
    default:
      return null;
  }
}

/**
 * FHIR R4 NDJSON (one resource per line, mixed types): a Patient per case, then the events FHIR R4 can
 * express — Appointment (booked/arrived/noshow/cancelled), Encounter (visits), ServiceRequest (referrals),
 * Communication (reminders, invitations, surveys sent) and QuestionnaireResponse (NPS, CSAT). Web visits,
 * treatment-plan decisions and other events have no standard R4 resource and are left out.
 */
export const fhirFormat: LogFormat = {
  header: () => '',
  patient: (events) => {
    const first = events[0];
    if (!first) return '';
    const lines = [JSON.stringify({ resourceType: 'Patient', id: first.caseId })];
    events.forEach((e, i) => {
      const r = fhirResource(e, i + 1);
      if (r) lines.push(JSON.stringify(r));
    });
    return `${lines.join('\n')}\n`;
  },
  footer: () => '',
};
