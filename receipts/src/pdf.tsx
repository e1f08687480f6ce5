// The receipt as a PDF (@react-pdf/renderer): DejaVu Sans for Cyrillic and ₽, and a QR code that
// opens the public verification page.
/** @jsxRuntime automatic @jsxImportSource react */ // whichever tsconfig a runner picks up (tsx reads the cwd's)
import { createRequire } from 'node:module';
import { Document, Font, Image, Link, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer';
import type { Locale } from '@voltpay/domain';
import { formatPeriod } from '@voltpay/domain/period';
import QRCode from 'qrcode';
import type { ReceiptDocument } from './document';
import { formatOmskDateTime } from '@voltpay/domain/omsk-time';
import { formatRoubles } from './format';
import { receiptMessages } from './messages';

type FontFiles = { regular: string; bold: string };
let fontFiles: FontFiles | null = null;
let documentsDrawn = 0;

// Resolved on first render, not at import: code that only verifies receipts never needs the files.
const resolveFontFiles = (): FontFiles => {
  if (fontFiles) return fontFiles;
  const require = createRequire(import.meta.url);
  fontFiles = {
    // turbopackIgnore: Next must not bundle the font file, only pass its path to react-pdf.
    regular: require.resolve(/* turbopackIgnore: true */ 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve(/* turbopackIgnore: true */ 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
  // Receipt numbers, codes and ids must never be split across lines with a hyphen.
  Font.registerHyphenationCallback((word) => [word]);
  return fontFiles;
};

// Every document is drawn with DejaVu loaded afresh, under a family name of its own that is
// forgotten once the file is made. react-pdf keeps one fontkit font per registered family for the
// life of the process, and fontkit caches each glyph with the characters of its first lookup.
// Embedding a subset looks up the parts of composite glyphs with no characters — DejaVu builds
// Cyrillic А В Е М Н О Р С Т Х а е о р с у х of the Latin letters — so after one Russian receipt the
// next English one got Latin letters without characters: textkit dropped glyphs ("ayment ID",
// "(msk time)") and the text layer lost them (fontkit#154, react-pdf#3404). Fonts of its own make
// a receipt independent of whatever the process drew before it, so its bytes are repeatable too.
const withOwnFonts = async <T,>(draw: (fontFamily: string) => Promise<T>): Promise<T> => {
  const { regular, bold } = resolveFontFiles();
  documentsDrawn += 1;
  const fontFamily = `DejaVu Sans ${documentsDrawn}`;
  Font.register({ family: fontFamily, fonts: [{ src: regular }, { src: bold, fontWeight: 'bold' }] });
  try {
    return await draw(fontFamily);
  } finally {
    // The family holds both parsed fonts: a long-running worker must not keep one per receipt.
    delete Font.getRegisteredFonts()[fontFamily];
  }
};

const styles = StyleSheet.create({
  page: { fontSize: 10, padding: 40, color: '#111' },
  utility: { fontSize: 12, fontWeight: 'bold' },
  title: { fontSize: 16, fontWeight: 'bold', marginTop: 12 },
  subtitle: { fontSize: 9, color: '#444', marginTop: 2, marginBottom: 14 },
  row: { flexDirection: 'row', paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: '#ccc' },
  label: { width: '38%', color: '#444' },
  value: { width: '62%' },
  strong: { fontWeight: 'bold' },
  table: { marginTop: 16 },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#111', paddingBottom: 3, fontWeight: 'bold' },
  lineRow: { flexDirection: 'row', paddingVertical: 4, borderBottomWidth: 0.5, borderBottomColor: '#ccc' },
  lineName: { width: '70%' },
  lineAmount: { width: '30%', textAlign: 'right' },
  lineDetail: { fontSize: 8, color: '#444', marginTop: 1 },
  totalRow: { flexDirection: 'row', paddingTop: 6, fontSize: 12, fontWeight: 'bold' },
  verify: { flexDirection: 'row', marginTop: 24, alignItems: 'center' },
  qr: { width: 110, height: 110, marginRight: 16 },
  verifyText: { flex: 1 },
  url: { fontSize: 8, color: '#0b4f9c', marginTop: 4 },
  demo: { marginTop: 24, fontSize: 8, color: '#8a1c1c' },
});

const Fact = ({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) => (
  <View style={styles.row} wrap={false}>
    <Text style={styles.label}>{label}</Text>
    <Text style={strong ? [styles.value, styles.strong] : styles.value}>{value}</Text>
  </View>
);

const ReceiptPdf = ({ document: doc, locale, qrPng, fontFamily }: { document: ReceiptDocument; locale: Locale; qrPng: Buffer; fontFamily: string }) => {
  const m = receiptMessages(locale);
  return (
    <Document
      title={`${m.title} ${doc.number}`}
      subject={doc.number}
      author={m.utilityName}
      language={locale}
      creator="Voltpay"
      producer="Voltpay"
      // Fixed dates make the file byte-for-byte repeatable: a retried email carries the same
      // attachment, which Resend requires of a repeated idempotency key.
      creationDate={new Date(doc.issuedAt)}
      modificationDate={new Date(doc.issuedAt)}
    >
      <Page size="A4" style={[styles.page, { fontFamily }]}>
        <Text style={styles.utility}>{m.utilityName}</Text>
        <Text style={styles.title}>{m.title}</Text>
        <Text style={styles.subtitle}>{m.subtitle}</Text>

        {/* No payment status here: the paper proves the payment as issued; the verification page
            shows what happened since (a refund). It also keeps the file identical on every render. */}
        <Fact label={m.number} value={doc.number} strong />
        <Fact label={m.issuedAt} value={formatOmskDateTime(doc.issuedAt, locale, { zone: true })} />
        <Fact label={m.verificationCode} value={doc.verificationCode} strong />
        <Fact label={m.account} value={doc.account.number} />
        <Fact label={m.district} value={m.districtName(doc.account.districtKind, doc.account.districtName)} />
        <Fact label={m.address} value={doc.account.maskedAddress} />
        <Fact label={m.period} value={formatPeriod(doc.period, locale)} />
        <Fact label={m.paymentId} value={doc.paymentId} />
        {doc.cardLast4 ? <Fact label={m.card} value={`•••• ${doc.cardLast4}`} /> : null}
        {doc.acquirerOrderId ? <Fact label={m.acquirerOrder} value={doc.acquirerOrderId} /> : null}

        <View style={styles.table}>
          <View style={styles.tableHead}>
            <Text style={styles.lineName}>{m.line}</Text>
            <Text style={styles.lineAmount}>{m.amount}</Text>
          </View>
          {doc.lines.map((line) => (
            <View key={line.kind} style={styles.lineRow} wrap={false}>
              <View style={styles.lineName}>
                <Text>{m.lines[line.kind]}</Text>
                {line.kwh !== null ? <Text style={styles.lineDetail}>{m.kwh(line.kwh)}</Text> : null}
                {line.readings.map((reading) => (
                  <Text key={reading.zone} style={styles.lineDetail}>
                    {m.reading(reading.zone, reading.start, reading.end)}
                  </Text>
                ))}
              </View>
              <Text style={styles.lineAmount}>{formatRoubles(line.amountKopecks, locale)}</Text>
            </View>
          ))}
          <View style={styles.totalRow}>
            <Text style={styles.lineName}>{m.total}</Text>
            <Text style={styles.lineAmount}>{formatRoubles(doc.totalKopecks, locale)}</Text>
          </View>
        </View>

        <View style={styles.verify} wrap={false}>
          <Image style={styles.qr} src={{ data: qrPng, format: 'png' }} />
          <View style={styles.verifyText}>
            <Text>{m.verifyHint}</Text>
            <Link style={styles.url} src={doc.verificationUrl}>
              {doc.verificationUrl}
            </Link>
          </View>
        </View>
        <Text style={styles.demo}>{m.demoNotice}</Text>
      </Page>
    </Document>
  );
};

/** The receipt's PDF. Every text is in DejaVu Sans; the QR code encodes `document.verificationUrl`. */
export const renderReceiptPdf = async (document: ReceiptDocument, locale: Locale): Promise<Buffer> => {
  const qrPng = await QRCode.toBuffer(document.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 330 });
  return withOwnFonts((fontFamily) => renderToBuffer(<ReceiptPdf document={document} locale={locale} qrPng={qrPng} fontFamily={fontFamily} />));
};
