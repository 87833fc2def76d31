import { describe, expect, it } from 'vitest';
import { decodeWindows1252, detectDelimiter, detectEncoding, TextSniffer } from '../../../src/io/csv/sniff.js';

describe('detectEncoding', () => {
  it('is undecided for ASCII, UTF-8 for valid UTF-8, Windows-1252 otherwise', () => {
    expect(detectEncoding(Buffer.from('leerlingnummer;geboortedatum'))).toBeUndefined();
    expect(detectEncoding(Buffer.from('Zoë;café', 'utf8'))).toBe('utf8');
    expect(detectEncoding(Buffer.from([0x5a, 0x6f, 0xeb, 0x3b, 0x63, 0x61, 0x66, 0xe9]))).toBe('windows-1252');
  });
  it('does not hold a UTF-8 sequence cut off by the end of the chunk against UTF-8', () => {
    const bytes = Buffer.from('café', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf8');
  });
});

describe('decodeWindows1252', () => {
  it('decodes Latin-1 letters and the 0x80–0x9F range (€, curly quotes) as Windows-1252 does', () => {
    expect(decodeWindows1252(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
    expect(decodeWindows1252(Buffer.from([0x80, 0x20, 0x93, 0x78, 0x94, 0x20, 0x96]))).toBe('€ “x” –');
    expect(decodeWindows1252(Buffer.from([0x81]))).toBe('\u0081');
  });
});

describe('detectDelimiter', () => {
  it('takes the most frequent of ; , and tab outside quotes, ; on a tie', () => {
    expect(detectDelimiter('leerlingnummer;geboortedatum;peildatum')).toBe(';');
    expect(detectDelimiter('leerlingnummer,geboortedatum,peildatum')).toBe(',');
    expect(detectDelimiter('"naam, voornaam";geboortedatum')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('leerlingnummer')).toBe(';');
  });
});

describe('TextSniffer', () => {
  it('drops a UTF-8 BOM and passes UTF-8 through', () => {
    const sniffer = new TextSniffer();
    expect(sniffer.push(Buffer.from('\uFEFFa;é\n', 'utf8')).toString('utf8')).toBe('a;é\n');
    expect(sniffer.encoding).toBe('utf8');
    expect(sniffer.bom).toBe(true);
  });
  it('decides at the first non-ASCII chunk and converts Windows-1252 from then on', () => {
    const sniffer = new TextSniffer();
    expect(sniffer.push(Buffer.from('a;b\n')).toString()).toBe('a;b\n');
    expect(sniffer.encoding).toBeUndefined();
    expect(sniffer.push(Buffer.from([0x5a, 0xe9, 0x0a])).toString('utf8')).toBe('Zé\n');
    expect(sniffer.encoding).toBe('windows-1252');
    expect(sniffer.push(Buffer.from([0x80])).toString('utf8')).toBe('€');
  });
  it('follows a forced encoding', () => {
    const sniffer = new TextSniffer('windows-1252');
    expect(sniffer.push(Buffer.from('Zé', 'utf8')).toString('utf8')).toBe('ZÃ©');
  });
});
