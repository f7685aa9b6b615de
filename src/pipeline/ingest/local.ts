/**
 * Reading local inputs: files, folders and standard input, streaming and size-capped.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DecodeError, decodeBytes } from './decode.js';
import { fetchReport, type FetchOptions } from './fetch.js';
import {
  DEFAULT_MAX_BYTES,
  failure,
  fileStem,
  formatBytes,
  htmlProblem,
  parseJsonlLine,
  reportFromObject,
  textProblem,
  type IngestItem,
} from './report.js';

/** How a body is read: by file extension, or sniffed for stdin / unknown extensions. */
export type InputFormat = 'text' | 'html' | 'json' | 'jsonl';

/** Extensions taken from folders; other files in a folder are skipped. */
const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** Options for {@link readInputs}. */
export interface ReadOptions {
  /** Largest report in bytes (a whole file, or one JSONL line). Default 20 MB. */
  maxBytes?: number;
  /** Stream read for `-` (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Format of `-` and of files named in `paths` (beats the extension; not applied inside folders); default: by extension, else sniffed. */
  format?: InputFormat;
  /** Id for a single text/HTML input given on the command line (default: the file stem, "stdin" for `-`). */
  id?: string;
  /** Publication date YYYY-MM-DD for text/HTML inputs that carry none. */
  published?: string | null;
  /** How http(s):// inputs are fetched (allowPrivate, timeoutMs, …); maxBytes defaults to `maxBytes`. */
  fetch?: FetchOptions;
}

function extOf(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** Thrown by readCapped when the stream passes the cap. */
class TooLarge extends Error {
  constructor(readonly seen: number) {
    super('too large');
  }
}

/** Read a stream into one buffer, stopping (and destroying the stream) past `maxBytes`. */
async function readCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new TooLarge(total);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Guess a format from the first characters of a body. */
export function sniffFormat(bytes: Uint8Array): InputFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (/^<(!doctype\s+html|html|head|body|article|div|p|meta|!--|h[1-6]|section|main)\b/i.test(head)) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // One object over the whole body is JSON; one object a line is JSONL.
    try {
      JSON.parse(Buffer.from(bytes).toString('utf8'));
      return 'json';
    } catch {
      return 'jsonl';
    }
  }
  return 'text';
}

/** Items from one in-memory body of a known format. */
function* fromBody(bytes: Buffer, format: InputFormat, input: string, opts: ReadOptions): Generator<IngestItem> {
  const id = opts.id ?? (input === '-' ? 'stdin' : fileStem(input));
  if (format === 'jsonl') {
    let lineNo = 0;
    let start = 0;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      lineNo++;
      yield* jsonlLine(bytes.subarray(start, end), lineNo, input, false);
      start = end + 1;
    }
    return;
  }
  let body: string;
  try {
    body = decodeBytes(bytes, { sniffMarkup: format === 'html' });
  } catch (err) {
    yield failure(input, err instanceof DecodeError ? err.message : String(err));
    return;
  }
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (err) {
      yield failure(input, `not valid JSON (${(err instanceof Error ? err.message : String(err)).slice(0, 120)})`);
      return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) yield failure(input, 'empty JSON array: no reports');
      for (let i = 0; i < value.length; i++) yield reportFromObject(value[i], `${id}-${i + 1}`, `${input}[${i}]`);
    } else {
      yield reportFromObject(value, id, input);
    }
    return;
  }
  const problem = format === 'html' ? htmlProblem(body) : textProblem(body);
  if (problem) {
    yield failure(input, problem);
    return;
  }
  const report = format === 'html' ? { id, html: body } : { id, text: body };
  yield { ok: true, input, report: { ...report, published: opts.published ?? null, source: null, url: null, title: null } };
}

/** One JSONL line's bytes → item; blank lines give nothing. */
function* jsonlLine(raw: Uint8Array, lineNo: number, file: string, tooLong: boolean, maxBytes = 0): Generator<IngestItem> {
  const input = `${file}:${lineNo}`;
  if (tooLong) {
    yield failure(input, `line is over the ${formatBytes(maxBytes)} limit`);
    return;
  }
  let line: string;
  try {
    line = decodeBytes(raw);
  } catch (err) {
    // A blank line of only control bytes still counts as bad input.
    yield failure(input, err instanceof DecodeError ? err.message : String(err));
    return;
  }
  if (line.trim() === '') return;
  yield parseJsonlLine(line, lineNo, file);
}

/**
 * A JSONL file read as a stream, line by line, each line capped at `maxBytes`: a huge line is
 * skipped (reported) without holding it in memory, and the following lines are still read.
 */
async function* fromJsonlFile(path: string, maxBytes: number): AsyncGenerator<IngestItem> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let lineNo = 0;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      while (start < chunk.length) {
        const nl = chunk.indexOf(0x0a, start);
        const end = nl < 0 ? chunk.length : nl;
        if (!tooLong) {
          size += end - start;
          if (size > maxBytes) {
            tooLong = true;
            parts = [];
          } else parts.push(chunk.subarray(start, end));
        }
        if (nl < 0) break;
        lineNo++;
        yield* jsonlLine(Buffer.concat(parts), lineNo, path, tooLong, maxBytes);
        parts = [];
        size = 0;
        tooLong = false;
        start = nl + 1;
      }
    }
  } catch (err) {
    yield failure(path, `read error: ${(err as Error).message}`);
    return;
  }
  if (size > 0 || tooLong) {
    lineNo++;
    yield* jsonlLine(Buffer.concat(parts), lineNo, path, tooLong, maxBytes);
  }
}

/** Files under a folder, recursively, sorted, skipping dot-files; files of other extensions come out as failures naming them. */
async function* walk(dir: string): AsyncGenerator<string | IngestItem> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield failure(dir, `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    // Symlinked folders are not followed (no loops); symlinked files are read.
    if (e.isDirectory()) yield* walk(p);
    else if ((e.isFile() || e.isSymbolicLink()) && EXTENSIONS[extOf(e.name)]) yield p;
    // named, not silently dropped: a report saved as .md or without extension is still seen
    else if (e.isFile() || e.isSymbolicLink()) yield { ...failure(p, `skipped: not a report file by its extension (read from folders: ${Object.keys(EXTENSIONS).join(' ')}; give the file by name to read it)`), skipped: true } as IngestItem;
  }
}

/** Items from one file path. */
async function* fromFile(path: string, opts: ReadOptions, maxBytes: number): AsyncGenerator<IngestItem> {
  let format = opts.format ?? EXTENSIONS[extOf(path)];
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    yield failure(path, code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code ?? (err as Error).message}`);
    return;
  }
  if (!info.isFile() && !info.isFIFO()) {
    yield failure(path, 'not a regular file');
    return;
  }
  if (format === 'jsonl') {
    yield* fromJsonlFile(path, maxBytes);
    return;
  }
  if (info.isFile() && info.size > maxBytes) {
    yield failure(path, `file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readCapped(createReadStream(path), maxBytes);
  } catch (err) {
    if (err instanceof TooLarge) yield failure(path, `input is over the ${formatBytes(maxBytes)} limit`);
    else yield failure(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return;
  }
  format ??= sniffFormat(bytes);
  yield* fromBody(bytes, format, path, opts);
}

/**
 * Read reports from files, folders (recursively: .txt .html .htm .json .jsonl), `-` (stdin) and
 * http(s):// URLs (fetched by fetchReport: internal addresses refused unless `opts.fetch.allowPrivate`).
 *
 * Yields one item per report — `{ok: true, input, report}` — or per problem —
 * `{ok: false, input, error}` where `error` is one line starting with the input's name
 * (`reports.jsonl:17: not valid JSON (…)`). Never throws for bad input: empty text, binary
 * bytes, invalid UTF-8 (see decode.ts for the charset policy), inputs over `maxBytes`
 * (checked before reading; stdin and JSONL lines are read streaming and cut off at the cap),
 * malformed JSON; every other input is still read.
 *
 * Ids: the JSON `id` when given, else the file stem (`<stem>-<n>` for the n-th object of a
 * JSON array or line n of a JSONL file), `stdin` for standard input, or `opts.id`.
 * `published` in JSON is normalised to the publisher's calendar date (see published.ts).
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (/^https?:\/\//i.test(path)) {
      try {
        const report = await fetchReport(path, { maxBytes, ...opts.fetch });
        yield { ok: true, input: path, report: { ...report, published: report.published ?? opts.published ?? null } };
      } catch (err) {
        const msg = (err as Error).message;
        // FetchError messages start with the URL fetched (maybe a redirect target): keep that.
        yield { ok: false, input: path, error: msg.startsWith('http') ? msg : `${path}: ${msg}` };
      }
      continue;
    }
    // "file:///x", "ftp://x": a URL of a kind sitrep does not fetch, not a missing file
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(path);
    if (scheme) {
      yield failure(path, `unsupported URL scheme ${scheme[1]}: (give http(s) URLs, or a file path)`);
      continue;
    }
    if (path === '-') {
      let bytes: Buffer;
      try {
        bytes = await readCapped(opts.stdin ?? process.stdin, maxBytes);
      } catch (err) {
        if (err instanceof TooLarge) yield failure('stdin', `input is over the ${formatBytes(maxBytes)} limit`);
        else yield failure('stdin', `cannot read: ${(err as Error).message}`);
        continue;
      }
      const format = opts.format ?? sniffFormat(bytes);
      // Name stdin "stdin" in messages, "stdin:17" for its JSONL lines.
      for (const item of fromBody(bytes, format, 'stdin', { ...opts, id: opts.id ?? 'stdin' })) yield item;
      continue;
    }
    let isDir = false;
    try {
      isDir = (await lstat(path)).isDirectory();
    } catch {
      // Missing paths are reported by fromFile.
    }
    if (isDir) {
      for await (const p of walk(path)) {
        if (typeof p === 'string') yield* fromFile(p, { ...opts, id: undefined, format: undefined }, maxBytes);
        else yield p;
      }
    } else {
      yield* fromFile(path, paths.length === 1 ? opts : { ...opts, id: undefined }, maxBytes);
    }
  }
}
