import { createRequire } from 'node:module';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

/**
 * BIZ UDPゴシック (Morisawa's universal-design typeface, SIL Open Font License 1.1; the licence is in the package's
 * LICENSE_FONT): a full Japanese TrueType font from an npm package, so PDFs are made on LGWAN machines without any
 * download (DESIGN §3). pdfkit embeds only the glyphs a document uses.
 */
const fontDir = path.dirname(require.resolve('@expo-google-fonts/biz-udpgothic/package.json'));
const regular = path.join(fontDir, '400Regular', 'BIZUDPGothic_400Regular.ttf');
const bold = path.join(fontDir, '700Bold', 'BIZUDPGothic_700Bold.ttf');

export const pdfFont = 'BizUDPGothic';

/**
 * pdfmake with Bansho's font, loaded on the first PDF: it is large, and most processes (tests, a server that
 * prints nothing today) never make one.
 */
let loaded: Promise<typeof import('pdfmake')> | undefined;
function pdfmakeWithFont() {
  loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setFonts({ [pdfFont]: { normal: regular, bold, italics: regular, bolditalics: bold } });
    // Nothing in a document may fetch a URL (closed network) or read any file but the font.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file) => file === regular || file === bold);
    return pdfmake;
  });
  return loaded;
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await pdfmakeWithFont();
  return pdfmake.createPdf({ ...definition, defaultStyle: { font: pdfFont, ...definition.defaultStyle } }).getBuffer();
}

/** Today in Japan as 2026年4月1日 (the date a printed register was made). */
export const japaneseDate = (now: Date): string =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' }).format(now);
