import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Line, readLines } from './lines';
import { removeScratch, scratch } from './test-helpers';

afterAll(removeScratch);

async function lines(content: string | Buffer, max = 1024 * 1024): Promise<Line[]> {
  const path = join(await scratch(), 'lines.txt');
  await writeFile(path, content);
  const out: Line[] = [];
  for await (const batch of readLines(path, max, (line) => new Error(`line ${line} too long`)))
    out.push(...batch);
  return out;
}

describe('readLines', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, numbers them and drops a byte-order mark', async () => {
    expect(await lines('\uFEFFa\nb\r\nc\rd\n\ne')).toEqual([
      { text: 'a', line: 1 },
      { text: 'b', line: 2 },
      { text: 'c', line: 3 },
      { text: 'd', line: 4 },
      { text: '', line: 5 },
      { text: 'e', line: 6 },
    ]);
    expect(await lines('')).toEqual([]);
  });

  it('keeps \\r\\n split across two chunks one line end, and multi-byte text whole', async () => {
    const first = 'é'.repeat(20_000) + 'x'.repeat(65_536 - 40_001); // 65,535 bytes, then \r at the boundary
    const got = await lines(`${first}\r\nnext\n`);
    expect(got.map((l) => [l.text.length, l.line])).toEqual([
      [first.length, 1],
      [4, 2],
    ]);
    expect(got[0]?.text).toBe(first);
  });

  it('stops at a line longer than the limit, before reading it whole', async () => {
    await expect(lines(`short\n${'y'.repeat(300_000)}\nafter\n`, 1000)).rejects.toThrow('line 2 too long');
    await expect(lines(`short\n${'y'.repeat(1001)}`, 1000)).rejects.toThrow('line 2 too long');
    expect(await lines(`short\n${'y'.repeat(1000)}`, 1000)).toHaveLength(2);
  });
});
