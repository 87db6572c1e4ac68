import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { fixture, removeScratch, scratch } from './test-helpers';

afterAll(removeScratch);

describe('detectFormat', () => {
  it('recognises the fixtures', async () => {
    expect(await detectFormat(fixture('clinic.csv'))).toBe('csv');
    expect(await detectFormat(fixture('berlin.tsv'))).toBe('tsv');
    expect(await detectFormat(fixture('small.xes'))).toBe('xes');
    expect(await detectFormat(fixture('bundle.json'))).toBe('fhir-bundle');
    expect(await detectFormat(fixture('ndjson'))).toBe('fhir-ndjson');
    expect(await detectFormat(fixture('ndjson/Patient.ndjson'))).toBe('fhir-ndjson');
    expect(await detectFormat(fixture('feed.hl7'))).toBe('hl7');
  });

  it('looks at content when the extension says nothing', async () => {
    const dir = await scratch();
    const write = async (name: string, data: string | Buffer) => {
      const path = join(dir, name);
      await writeFile(path, data);
      return detectFormat(path);
    };
    expect(await write('a.dat', 'PAR1....')).toBe('parquet');
    expect(await write('b.dat', gzipSync('<?xml version="1.0"?><log></log>'))).toBe('xes.gz');
    expect(await write('c.dat', '<log xes.version="1.0"></log>')).toBe('xes');
    expect(await write('d.dat', 'MSH|^~\\&|A\rPID|1')).toBe('hl7');
    expect(
      await write('e.dat', '{"resourceType":"Patient","id":"a"}\n{"resourceType":"Patient","id":"b"}\n'),
    ).toBe('fhir-ndjson');
    expect(await write('f.dat', '{\n  "resourceType": "Bundle"\n}')).toBe('fhir-bundle');
    expect(await write('g.txt', 'case,activity,timestamp\n')).toBe('csv');
    expect(
      await write('h.json', '{"resourceType":"Patient","id":"a"}\n{"resourceType":"Patient","id":"b"}\n'),
    ).toBe('fhir-ndjson');
  });

  it('fails on a missing file', async () => {
    await expect(detectFormat('/nonexistent/log.csv')).rejects.toThrow(
      '/nonexistent/log.csv: file not found',
    );
  });
});
