// Turns the bytes of an uploaded file into text. Excel on a Korean Windows saves "CSV" in CP949, "CSV UTF-8"
// with a BOM, and "Unicode text" in UTF-16; other tools write plain UTF-8.
import iconv from 'iconv-lite';
import { problem, type CsvProblem } from './problem.js';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16' | 'cp949';

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding }
  | { readonly ok: false; readonly problem: CsvProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function decodeCsv(bytes: Uint8Array): DecodeResult {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, ZIP_MAGIC)) return fail(1, 'organizerData.csv.error.spreadsheet');
  const decoded = decodeText(buffer);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return fail(1, 'organizerData.csv.error.empty');
  return decoded;
}

function decodeText(buffer: Buffer): DecodeResult {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return checked(iconv.decode(buffer.subarray(2), 'utf-16le'), 'utf-16');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return checked(iconv.decode(buffer.subarray(2), 'utf-16be'), 'utf-16');
  if (startsWith(buffer, UTF8_BOM)) {
    const text = strictUtf8(buffer.subarray(3));
    return text === null ? checked(iconv.decode(buffer.subarray(3), 'utf-8'), 'utf-8-bom') : checked(text, 'utf-8-bom');
  }
  const utf8 = strictUtf8(buffer);
  if (utf8 !== null) return checked(utf8, 'utf-8');
  return checked(iconv.decode(buffer, 'cp949'), 'cp949');
}

function strictUtf8(buffer: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return null;
  }
}

// A replacement character or a NUL means bytes that are not text in the chosen encoding; point at the first one.
function checked(text: string, encoding: CsvEncoding): DecodeResult {
  const bad = text.search(/[\uFFFD\u0000]/);
  if (bad < 0) return { ok: true, text, encoding };
  const line = text.slice(0, bad).split(/\r\n|\r|\n/).length;
  return fail(line, 'organizerData.csv.error.encoding');
}

function fail(line: number, key: string): DecodeResult {
  return { ok: false, problem: problem(line, null, key) };
}

function startsWith(buffer: Buffer, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => buffer[index] === byte);
}
