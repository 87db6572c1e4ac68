import { describe, expect, it } from 'vitest';
import { sampleJourney } from '../fixtures/sample-journey';
import { cardsToCsv, csvField } from './csv';
import { journeyToExport, parseJourneyExport } from './json';

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2 stars')).toBe("'-2 stars");
  });
});

describe('cardsToCsv', () => {
  it('writes every card in map order with its evidence', () => {
    const csv = cardsToCsv(sampleJourney());
    expect(csv.split('\r\n')).toEqual([
      'stage,step,lane,text,tags,channel,severity,confidence,evidence sources',
      'Find a practice,Search online,Touchpoints,"Search ""dentist near me""",,search,,observed,"Web analytics, March"',
      'Find a practice,Call the practice,Pain points,On hold for 6 minutes,Rosa (new patient),,high,reported,Front desk interviews',
      'Find a practice,Call the practice,Opportunities,Offer online booking,,,,assumed,',
      'First visit,Check in,Patient actions,Fills in paper forms,Omar (parent),,,assumed,',
      'First visit,Check in,Patient actions,Shows insurance card,,,,assumed,',
      'First visit,Check in,Systems,Practice management system,,,,assumed,',
      '',
    ]);
  });
});

describe('journey JSON export', () => {
  it('round-trips and rejects other files', () => {
    const doc = sampleJourney();
    const text = JSON.stringify(journeyToExport(doc, '2026-05-01T12:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'pathlight.journey',
      schemaVersion: 2,
      exportedAt: '2026-05-01T12:00:00Z',
    });
    expect(parseJourneyExport(text)).toEqual({ ok: true, journey: doc });
    expect(parseJourneyExport('{"format":"other"}').ok).toBe(false);
    expect(parseJourneyExport('nope')).toEqual({ ok: false, error: 'the file is not JSON' });
    const broken = JSON.stringify(journeyToExport({ ...doc, name: '' }, 'x'));
    expect(parseJourneyExport(broken)).toEqual({ ok: false, error: 'journey.name: must not be empty' });
  });
});
