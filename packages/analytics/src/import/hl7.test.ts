import { describe, expect, it } from 'vitest';
import { hl7Time, splitMessages } from './hl7';

describe('hl7Time', () => {
  it.each([
    ['20240301090000+0100', '2024-03-01T09:00:00+01:00'],
    ['20240301090000', '2024-03-01T09:00:00'],
    ['202403010900', '2024-03-01T09:00:00'],
    ['20240301', '2024-03-01T00:00:00'],
    ['20240301090000.1234-0500', '2024-03-01T09:00:00.1234-05:00'],
  ])('%s → %s', (dtm, iso) => expect(hl7Time(dtm)).toBe(iso));

  it.each(['', '2024', '202403', '2024-03-01', 'garbage'])('rejects %j', (dtm) =>
    expect(hl7Time(dtm)).toBeNull(),
  );
});

describe('splitMessages', () => {
  const body = [
    'MSH|^~\\&|A|B|C|D|20240101||ADT^A04|1|P|2.5',
    'PID|1||X',
    'MSH|^~\\&|A|B|C|D|20240102||ADT^A04|2|P|2.5',
    'PID|1||Y',
  ];
  it.each([
    ['\\r', '\r'],
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
  ])('splits on MSH with %s line ends', (_, eol) => {
    const { messages, leading } = splitMessages(body.join(eol) + eol);
    expect(leading).toBeNull();
    expect(messages).toEqual([
      { text: `${body[0]}\r${body[1]}`, line: 1 },
      { text: `${body[2]}\r${body[3]}`, line: 3 },
    ]);
  });

  it('reports the line of text before the first MSH', () => {
    expect(splitMessages(`\nhello\n${body.join('\n')}`).leading).toBe(2);
  });
});
