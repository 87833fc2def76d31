// What kind of text a student-system export is: UTF-8 (with or without BOM) or Windows-1252 (what
// older Windows software writes), and `;` (Dutch Excel) or `,` between the cells. Both are
// detected from the bytes themselves and can be forced with --encoding / --delimiter.
import { isAscii, isUtf8 } from 'node:buffer';

export type Encoding = 'utf8' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

const BOM = [0xef, 0xbb, 0xbf] as const;

/** What a file that is not text turns out to be, from its first bytes (a spreadsheet renamed .csv, a PDF). */
export type BinaryKind = 'xlsx' | 'xls' | 'pdf' | 'zip' | 'utf16';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

export function binaryKindOf(bytes: Uint8Array): BinaryKind | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML workbook is a zip whose first entries name [Content_Types].xml and xl/….
    const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024)).toString('latin1');
    return head.includes('xl/') || head.includes('[Content_Types].xml') ? 'xlsx' : 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'; // OLE2: Excel 97–2003
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  // Excel's "Unicode-tekst": UTF-16 with its byte-order mark; read as UTF-8 it is text full of NULs.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  return undefined;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** Index of the first byte ≥ 0x80, or -1. */
export function firstNonAscii(bytes: Uint8Array): number {
  if (isAscii(bytes)) return -1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/** Bytes at the end that start a UTF-8 sequence the chunk cuts off (0–3), so the rest can be checked. */
function cutOffTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return needed > back ? back : 0;
    }
  }
  return 0;
}

/**
 * UTF-8 or Windows-1252, judged from the non-ASCII text in `bytes` (a whole chunk of the file, from
 * its first non-ASCII byte): bytes that are not valid UTF-8 are Windows-1252. A sequence cut off by
 * the end of the chunk does not count against UTF-8.
 */
export function detectEncoding(bytes: Uint8Array): Encoding | undefined {
  const start = firstNonAscii(bytes);
  if (start < 0) return undefined;
  const window = bytes.subarray(start, bytes.length - cutOffTail(bytes));
  return isUtf8(window) ? 'utf8' : 'windows-1252';
}

/** What Windows-1252 puts at 0x80–0x9F (ISO-8859-1 has control codes there); 0 = unassigned. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Windows-1252 text. Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as ISO-8859-1 control
 * characters (so `€` and the curly quotes come out wrong); a single-byte encoding needs no
 * streaming state, so we decode it ourselves.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(C1_CONTROLS, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]!;
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}

/** `;`, `,` or a tab: whichever occurs most outside quotes in the header line (`;` on a tie, as Dutch Excel writes). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  let best: Delimiter = ';';
  for (const d of [',', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * Turns the file's chunks into UTF-8 for csv-parse: drops a BOM, passes UTF-8 through untouched,
 * decodes Windows-1252. Until the first non-ASCII byte both readings agree, so the choice is made
 * there (from the rest of that chunk) unless it was forced.
 */
export class TextSniffer {
  encoding: Encoding | undefined;
  bom = false;
  private started = false;

  constructor(forced?: Encoding) {
    this.encoding = forced;
  }

  push(chunk: Buffer): Buffer {
    let bytes = chunk;
    if (!this.started) {
      this.started = true;
      if (this.encoding !== 'windows-1252' && hasUtf8Bom(bytes)) {
        this.bom = true;
        this.encoding = 'utf8';
        bytes = bytes.subarray(3);
      }
    }
    if (this.encoding === undefined) this.encoding = detectEncoding(bytes);
    return this.encoding === 'windows-1252' ? Buffer.from(decodeWindows1252(bytes), 'utf8') : bytes;
  }
}
