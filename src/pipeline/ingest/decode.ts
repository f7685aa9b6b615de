/**
 * Bytes → text, refusing what is not text.
 *
 * Charset policy (deliberately strict, no guessing): a declared charset is honoured — a byte
 * order mark, an HTTP `Content-Type` charset, or an HTML `<meta charset>` / `http-equiv`
 * declaration, or an XML declaration — and decoded with the WHATWG TextDecoder (Node's ICU).
 * Without a declaration the bytes must be valid UTF-8; otherwise decoding fails with the byte
 * offset of the first bad sequence, so a mis-encoded report is reported, never silently
 * turned into replacement characters.
 */

/** Thrown by {@link decodeBytes}; `message` is one line suitable for a quarantine reason. */
export class DecodeError extends Error {}

/** Bytes looked at for NULs and control characters when deciding "binary". */
const SNIFF_BYTES = 64 * 1024;

/** WHATWG label of the charset declared by a BOM, or null. */
function bomCharset(bytes: Uint8Array): { label: string; skip: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  return null;
}

/**
 * The charset an HTML or XML document declares in its first 4 kB (`<meta charset=…>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, `<?xml … encoding="…"?>`), or null.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Declarations are ASCII, so a latin1 view of the head is enough to find them.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const meta = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/i.exec(head);
  if (xml) return xml[1]!.toLowerCase();
  return null;
}

/** The `charset` parameter of a Content-Type header value, or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]{1,40})"?/i.exec(contentType);
  return m ? m[1]!.toLowerCase() : null;
}

/** Byte offset of the first invalid UTF-8 sequence (checked by a strict decode of halves). */
function firstBadUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  const ok = (end: number) => {
    try {
      // `stream: true` tolerates a sequence cut at `end`; only real errors throw.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  // `lo` may end inside an incomplete sequence; its lead byte is where the trouble starts.
  for (let k = lo; k >= Math.max(0, lo - 3); k--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, k));
      return k;
    } catch {
      // keep stepping back
    }
  }
  return lo;
}

/** True when the bytes look binary: a NUL byte, or more than 10% control bytes, in the first 64 kB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC-free text; other C0 bytes are rare in real text.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Options for {@link decodeBytes}. */
export interface DecodeOptions {
  /** Charset from a transport header (HTTP Content-Type); beats an in-document declaration. */
  headerCharset?: string | null;
  /** Look for `<meta charset>` / XML declarations (HTML, XML inputs). */
  sniffMarkup?: boolean;
}

/**
 * Decode a report's bytes to a string per the policy above.
 * Throws DecodeError ("binary data (NUL bytes)", "invalid UTF-8 at byte 1234",
 * "unknown charset \"foo\"") — never returns replacement-character soup for undeclared input.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): string {
  const bom = bomCharset(bytes);
  // UTF-16 text is full of NULs, so the binary test only applies to byte-oriented charsets.
  if (!bom || bom.label === 'utf-8') {
    if (looksBinary(bytes)) throw new DecodeError('binary data, not text (NUL or control bytes)');
  }
  const declared = bom?.label ?? opts.headerCharset ?? (opts.sniffMarkup ? declaredCharset(bytes) : null);
  const body = bom ? bytes.subarray(bom.skip) : bytes;
  const label = declared && /^(utf-?8|unicode-1-1-utf-8)$/i.test(declared) ? 'utf-8' : declared;
  if (label && label !== 'utf-8') {
    let dec: TextDecoder;
    try {
      dec = new TextDecoder(label);
    } catch {
      throw new DecodeError(`unknown charset "${label}"`);
    }
    return dec.decode(body);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new DecodeError(`invalid UTF-8 at byte ${firstBadUtf8(body) + (bom?.skip ?? 0)} (declare a charset or convert the file to UTF-8)`);
  }
}
