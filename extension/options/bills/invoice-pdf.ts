import { PDFDocument, PDFName, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { InvoiceDocument, InvoiceParty } from '../../../lib/billing/invoice-document';

// A4 in points, with 2 cm margins.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 56.7;
const RIGHT = PAGE.width - MARGIN;
const SIZE = 10;
const LEADING = 14;
const GREY = rgb(0.35, 0.35, 0.35);
const QTY_RIGHT = RIGHT - 110;
const DESCRIPTION_WIDTH = QTY_RIGHT - 60 - MARGIN;

/**
 * The invoice as a PDF (A4, the standard Helvetica fonts, so no font is embedded). Loaded only
 * when a purchaser downloads an invoice: pdf-lib stays out of every other bundle.
 */
export async function invoicePdf(invoice: InvoiceDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${invoice.title} ${invoice.number}`);
  pdf.setAuthor(invoice.seller.name);
  pdf.setSubject(invoice.products);
  pdf.setCreator('Seatkeeper');
  pdf.setLanguage('en');
  pdf.catalog.set(PDFName.of('ViewerPreferences'), pdf.context.obj({ DisplayDocTitle: true }));
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const writer = new Writer(pdf, fonts);

  writer.party(invoice.seller, MARGIN, 14);
  writer.at(PAGE.height - MARGIN);
  writer.right(`${invoice.title} ${invoice.number}`, RIGHT, 18, 'bold');
  writer.down(24);
  for (const [label, value] of [
    ['Date', invoice.issued],
    ['Period', invoice.period],
    ['Status', invoice.status],
  ] as const) {
    writer.right(`${label}: ${value}`, RIGHT);
    writer.down(LEADING);
  }
  writer.at(Math.min(writer.y, writer.partyBottom) - 24);
  writer.text('Bill to', MARGIN, SIZE, 'bold', GREY);
  writer.down(LEADING);
  writer.party(invoice.buyer, MARGIN, SIZE, writer.y);
  writer.at(writer.partyBottom - 24);

  writer.text('Description', MARGIN, SIZE, 'bold');
  writer.right('Quantity', QTY_RIGHT, SIZE, 'bold');
  writer.right(`Amount (${invoice.currency})`, RIGHT, SIZE, 'bold');
  writer.rule();
  for (const line of invoice.lines) {
    const wrapped = writer.wrap(line.description, DESCRIPTION_WIDTH);
    writer.room(wrapped.length * LEADING + 8);
    writer.right(line.quantity, QTY_RIGHT);
    writer.right(line.amount, RIGHT);
    for (const part of wrapped) {
      writer.text(part, MARGIN);
      writer.down(LEADING);
    }
  }
  writer.rule();
  writer.room(5 * LEADING);
  for (const [label, amount, font] of [
    ['Subtotal', invoice.subtotal, 'regular'],
    [invoice.taxLabel, invoice.tax, 'regular'],
    [`Total (${invoice.currency})`, invoice.total, 'bold'],
  ] as const) {
    writer.right(label, QTY_RIGHT, SIZE, font);
    writer.right(amount, RIGHT, SIZE, font);
    writer.down(LEADING);
  }
  if (invoice.payment) {
    writer.down(LEADING);
    writer.text(invoice.payment, MARGIN);
  }
  return pdf.save();
}

type FontName = 'regular' | 'bold';

/** Writes lines top-down, starting a new page when one is full. */
class Writer {
  private page: PDFPage;
  private readonly known: Record<FontName, ReadonlySet<number>>;
  y = PAGE.height - MARGIN;
  partyBottom = this.y;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Record<FontName, PDFFont>,
  ) {
    this.page = pdf.addPage([PAGE.width, PAGE.height]);
    this.known = { regular: new Set(fonts.regular.getCharacterSet()), bold: new Set(fonts.bold.getCharacterSet()) };
  }

  at(y: number): void {
    this.y = y;
  }

  down(by: number): void {
    this.y -= by;
  }

  /** Starts a new page unless `height` still fits on this one. */
  room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  text(text: string, x: number, size = SIZE, font: FontName = 'regular', color = rgb(0, 0, 0)): void {
    this.page.drawText(this.printable(text, font), { x, y: this.y, size, font: this.fonts[font], color });
  }

  /** Text ending at `x`. */
  right(text: string, x: number, size = SIZE, font: FontName = 'regular'): void {
    const printable = this.printable(text, font);
    this.text(printable, x - this.fonts[font].widthOfTextAtSize(printable, size), size, font);
  }

  /** A name and its lines from `top` down; leaves `partyBottom` below them. */
  party(party: InvoiceParty, x: number, nameSize: number, top = PAGE.height - MARGIN): void {
    this.y = top;
    this.text(party.name, x, nameSize, 'bold');
    this.down(nameSize + 4);
    for (const line of party.lines) {
      this.text(line, x, SIZE, 'regular', GREY);
      this.down(LEADING);
    }
    this.partyBottom = this.y;
  }

  rule(): void {
    this.down(6);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: RIGHT, y: this.y }, thickness: 0.5, color: GREY });
    this.down(LEADING);
  }

  /** Splits text into lines no wider than `width`, at spaces. */
  wrap(text: string, width: number): string[] {
    const font = this.fonts.regular;
    const lines: string[] = [];
    let current = '';
    for (const word of this.printable(text, 'regular').split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (current && font.widthOfTextAtSize(next, SIZE) > width) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    return [...lines, current];
  }

  /**
   * The standard fonts encode WinAnsi only: other spaces become plain spaces and any other
   * character the font cannot show becomes `?`, so a name in another script never fails the download.
   */
  private printable(text: string, font: FontName): string {
    const known = this.known[font];
    return [...text.normalize('NFC').replace(/[\u2000-\u200b\u202f\u205f]/g, ' ')]
      .map((char) => (known.has(char.codePointAt(0)!) ? char : '?'))
      .join('');
  }
}
