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
