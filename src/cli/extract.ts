/**
 * `sitrep extract FILE|-` and `sitrep extract --jsonl IN.jsonl`: print events as JSON Lines.
 *
 * One report (plain text or HTML; `--published`, `--id`), or one report a line with
 * `--jsonl` (each event's doc_id is the line's id). A bad input or line gets one line on
 * stderr naming it (`IN.jsonl:17: not valid JSON (…)`); the others are still processed; the
 * exit code is 1 when anything failed, 2 for bad flags.
 */
import type { Command } from 'commander';
import type { SitrepEvent } from '../model/index.js';
import { RECENT_DAYS } from '../pipeline/events/index.js';
import { extractReport } from '../pipeline/extract.js';
import { DEFAULT_MAX_BYTES, normalisePublished, readInputs, type InputFormat } from '../pipeline/ingest/index.js';

interface ExtractFlags {
  jsonl?: string;
  published?: string;
  id?: string;
  maxBytes?: string;
  format?: string;
  quotes?: boolean;
}

/** Write a line to stdout, waiting when the pipe is full so memory stays flat. */
function writeLine(line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = process.stdout.write(line + '\n', (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else process.stdout.once('drain', resolve);
  });
}

function usage(msg: string): never {
  console.error(`sitrep extract: ${msg}`);
  process.exit(2);
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract events from one report (text or HTML) or a JSONL file of reports; prints JSON Lines')
    .argument('[file]', 'report file (.txt, .html, .json, .jsonl), or - for standard input')
    .option('--jsonl <file>', 'one report a line: {"id","text","published"?,"source"?}; - for standard input')
    .option('--published <date>', 'publication date YYYY-MM-DD (or ISO 8601 with offset) for a report that carries none')
    .option('--id <id>', 'document id (default: the file name without extension, "stdin" for -)')
    .option('--format <kind>', 'how to read FILE or -: text, html, json or jsonl (default: by extension, else sniffed)')
    .option('--max-bytes <n>', `largest report in bytes (default ${DEFAULT_MAX_BYTES})`)
    .option('--quotes', 'add evidence_text: the words each evidence span points at, so every field can be checked without the cleaned text')
    .action(async (file: string | undefined, opts: ExtractFlags) => {
      if (!file && !opts.jsonl) usage('give a FILE, - for standard input, or --jsonl FILE');
      if (file && opts.jsonl) usage('give either a FILE or --jsonl FILE, not both');
      let published: string | null = null;
      if (opts.published !== undefined) {
        published = normalisePublished(opts.published);
        if (!published) usage(`--published "${opts.published}" is not a date YYYY-MM-DD`);
      }
      const maxBytes = opts.maxBytes !== undefined ? Number(opts.maxBytes) : DEFAULT_MAX_BYTES;
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) usage(`--max-bytes "${opts.maxBytes}" is not a positive whole number`);
      let format = opts.format as InputFormat | undefined;
      if (format && !['text', 'html', 'json', 'jsonl'].includes(format)) usage(`--format must be text, html, json or jsonl`);
      if (opts.jsonl) format = 'jsonl';
      const path = opts.jsonl ?? file!;

      // A closed pipe (`| head`) ends the run quietly.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw err;
      });

      let failed = 0;
      // A file named by --jsonl is read as JSONL whatever its extension.
      const items = readInputs([path], { maxBytes, published, id: opts.id, format });
      for await (const item of items) {
        if (!item.ok) {
          if (!item.skipped) failed++;
          console.error(`sitrep extract: ${item.error}`);
          continue;
        }
        try {
          const report = published && !item.report.published ? { ...item.report, published } : item.report;
          const { doc, events } = extractReport(report);
          if (doc.text.trim() === '') {
            failed++;
            console.error(`sitrep extract: ${item.input}: no readable text after cleaning`);
            continue;
          }
          for (const e of events) await writeLine(JSON.stringify(opts.quotes ? withQuotes(e, doc.text) : e));
          // One report in, nothing out: say so (a JSONL batch stays quiet about its quiet reports).
          if (events.length === 0 && format !== 'jsonl' && !/\.jsonl$/i.test(item.input))
            console.error(`sitrep extract: ${item.input}: no events found (no event words, no place, or only background older than ${RECENT_DAYS} days before ${report.published ?? 'the reference date'})`);
        } catch (err) {
          failed++;
          console.error(`sitrep extract: ${item.input}: ${(err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')}`);
        }
      }
      if (failed) process.exitCode = 1;
    });
}

/**
 * The event with `evidence_text`: for each field with evidence, the exact words of the cleaned
 * text its [start, end) span covers (the offsets stay as they are).
 */
export function withQuotes(e: SitrepEvent, text: string): SitrepEvent & { evidence_text: Record<string, string> } {
  const evidence_text: Record<string, string> = {};
  for (const [field, span] of Object.entries(e.evidence)) if (span) evidence_text[field] = text.slice(span.start, span.end);
  return { ...e, evidence_text };
}
