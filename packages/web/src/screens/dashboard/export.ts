import { jsPDF } from 'jspdf';
import { mapToPng } from '../../editor/export/image';

/** PNG of the dashboard element (the editor's exporter: full size, white background, 2× pixels). */
export const dashboardToPng = (el: HTMLElement): Promise<Blob> => mapToPng(el);

/** An A4 landscape PDF: title and period as text, the dashboard image fitted below. */
export async function dashboardToPdf(el: HTMLElement, o: { title: string; subtitle: string }): Promise<Blob> {
  const png = await mapToPng(el);
  const bitmap = await createImageBitmap(png);
  const { width, height } = bitmap;
  bitmap.close();
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('PDF export: the dashboard image could not be read'));
    reader.readAsDataURL(png);
  });
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({ title: o.title, creator: 'Pathlight' });
  const [pw, ph, margin] = [297, 210, 12];
  pdf.setFont('helvetica', 'bold');
  pdf.setFontSize(16);
  pdf.setTextColor(31, 41, 55);
  pdf.text(o.title, margin, margin + 5);
  pdf.setFont('helvetica', 'normal');
  pdf.setFontSize(9);
  pdf.setTextColor(107, 114, 128);
  pdf.text(o.subtitle, margin, margin + 11);
  const top = margin + 16;
  const scale = Math.min((pw - 2 * margin) / width, (ph - top - margin) / height);
  pdf.addImage(dataUrl, 'PNG', margin, top, width * scale, height * scale);
  return pdf.output('blob');
}
