/**
 * Reads text back out of a PDF with pdfjs-dist, the way a family's PDF viewer or a screen
 * reader would: per page, with the name of the font each run of text is set in.
 */
export interface PdfTextItem {
  page: number;
  text: string;
  font: string;
  y: number;
}

export interface PdfText {
  pages: string[];
  items: PdfTextItem[];
  /** Base names of every font the text uses (e.g. "AAAAAA+Inter-Regular"). */
  fonts: string[];
  all: string;
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const items: PdfTextItem[] = [];
  const fonts = new Set<string>();
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      await page.getOperatorList(); // loads the fonts into commonObjs so their names can be read
      let text = '';
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        text += raw.str + (raw.hasEOL ? '\n' : '');
        if (!raw.str.trim()) continue;
        let font = raw.fontName;
        try {
          font = (page.commonObjs.get(raw.fontName) as { name?: string }).name ?? raw.fontName;
        } catch {
          /* not loaded: keep the id */
        }
        fonts.add(font);
        items.push({ page: p, text: raw.str, font, y: raw.transform[5] });
      }
      pages.push(text);
    }
  } finally {
    await doc.destroy();
  }
  return { pages, items, fonts: [...fonts], all: pages.join('\n') };
}
