// Asset documents: which files are accepted (by their first bytes, never by the client's
// Content-Type), how a client's file name is cleaned, and the download headers. Pure functions.

export type SniffResult = { allowed: true; contentType: string } | { allowed: false; type: string };

/** Office formats are zip files: the zip signature plus the extension decides (their first bytes alone cannot). */
const ZIP_BASED: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** Text has no signature: accepted only under these extensions, and only when it does not look binary. */
const TEXT: Record<string, string> = { txt: 'text/plain', csv: 'text/csv' };

/** Shown inline in the browser; everything else downloads as an attachment. */
const INLINE = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);

/** Names of common refused types, so the message can say what was refused. */
const REFUSED_BY_EXTENSION: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  exe: 'application/x-msdownload',
  zip: 'application/zip',
  html: 'text/html',
  htm: 'text/html',
  svg: 'image/svg+xml',
  js: 'text/javascript',
};

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

const startsWith = (head: Buffer, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Buffer, offset: number, length: number) =>
  head.length >= offset + length ? head.toString('latin1', offset, offset + length) : '';

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** ISO-BMFF brands (major + compatible) of an `ftyp` box at the start, or null. */
function isoBrands(head: Buffer): string[] | null {
  if (ascii(head, 4, 4) !== 'ftyp') return null;
  const boxSize = Math.min(head.readUInt32BE(0), head.length);
  const brands = [ascii(head, 8, 4)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, 4));
  return brands;
}

/**
 * What a file is, from its first bytes (`head`, at least the first 4100 bytes or the whole file) and,
 * where the bytes cannot tell (zip-based office files, text), the extension of its name.
 */
export function sniffDocumentType(head: Buffer, fileName: string): SniffResult {
  const ext = extensionOf(fileName);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { allowed: true, contentType: 'application/pdf' }; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { allowed: true, contentType: 'image/jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { allowed: true, contentType: 'image/png' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return { allowed: true, contentType: 'image/webp' };
  const brands = isoBrands(head);
  if (brands) {
    if (brands.some((b) => HEIC_BRANDS.has(b))) return { allowed: true, contentType: 'image/heic' };
    if (brands.includes('avif')) return { allowed: false, type: 'image/avif' };
    if (brands.some((b) => HEIF_BRANDS.has(b))) return { allowed: true, contentType: 'image/heif' };
    return { allowed: false, type: brands[0] === 'qt  ' ? 'video/quicktime' : 'video/mp4' };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const office = ZIP_BASED[ext];
    return office ? { allowed: true, contentType: office } : { allowed: false, type: 'application/zip' };
  }
  if (startsWith(head, [0x4d, 0x5a])) return { allowed: false, type: 'application/x-msdownload' }; // MZ: Windows executable
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { allowed: false, type: 'application/x-executable' }; // ELF
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { allowed: false, type: REFUSED_BY_EXTENSION[ext] ?? 'application/x-ole-storage' };
  if (ascii(head, 0, 3) === 'GIF') return { allowed: false, type: 'image/gif' };
  const text = TEXT[ext];
  if (text) {
    const charset = textCharset(head);
    if (charset !== 'binary') return { allowed: true, contentType: charset ? `${text}; charset=${charset}` : text };
  }
  return { allowed: false, type: REFUSED_BY_EXTENSION[ext] ?? (ext ? `.${ext}` : 'application/octet-stream') };
}

/**
 * The charset a text file declares by its byte-order mark; '' when it has none (UTF-8 or a Windows
 * code page: the browser decides), 'binary' when it contains NUL bytes without a UTF-16 mark.
 */
function textCharset(head: Buffer): string {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return head.includes(0) ? 'binary' : '';
}

/**
 * The name to keep: the last path segment (browsers and some clients send "C:\\…\\name.pdf"),
 * without control and invisible formatting characters (a right-to-left override can disguise
 * "fdp.exe" as "exe.pdf"), whitespace collapsed. Null when nothing usable is left.
 */
export function cleanFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  return [...cleaned].slice(0, 255).join('');
}

export const showsInline = (contentType: string) => INLINE.has(contentType.split(';')[0]!.trim());

/** An ASCII stand-in for clients that ignore `filename*`: Polish letters without their marks, anything else "_". */
export function asciiFileName(fileName: string): string {
  return fileName
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]|["\\%;]/g, '_');
}

/** RFC 8187 (was 5987) value characters: encodeURIComponent leaves ' ( ) * unescaped, which are not allowed there. */
const encodeExtValue = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition (RFC 6266) with the UTF-8 name in `filename*` and an ASCII `filename` fallback. */
export function contentDisposition(fileName: string, contentType: string): string {
  const kind = showsInline(contentType) ? 'inline' : 'attachment';
  return `${kind}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}
