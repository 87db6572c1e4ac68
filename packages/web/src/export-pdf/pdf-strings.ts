import type { jsPDF } from 'jspdf';

/** WinAnsi bytes 0x80–0x9F as the characters they stand for (the rest of the range is Latin-1). */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const decode = (s: string) =>
  s.replace(/[\u0080-\u009f]/g, (c) => WIN_ANSI_HIGH[c.charCodeAt(0) - 0x80] ?? c);

/**
 * The text strings of a jsPDF document, page by page, as its `Tj` operators hold them
 * (for tests: what `pdftotext` would find, without a PDF reader).
 */
export function pdfStrings(pdf: jsPDF): string[][] {
  const pages: string[][] = [];
  for (let i = 1; i <= pdf.getNumberOfPages(); i++) {
    const ops = (pdf.internal as unknown as { pages: string[][] }).pages[i] ?? [];
    const text: string[] = [];
    for (const op of ops) {
      for (const m of op.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g))
        text.push(decode(m[1]!.replace(/\\([()\\])/g, '$1')));
    }
    pages.push(text);
  }
  return pages;
}
