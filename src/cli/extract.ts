/**
 * `sitrep extract FILE|-` and `sitrep extract --jsonl IN.jsonl`: print events as JSON Lines.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { extractReport } from '../pipeline/extract.js';

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract events from one report (text or HTML) or a JSONL file of reports; prints JSON Lines')
    .argument('[file]', 'report file, or - for standard input')
    .option('--jsonl <file>', 'one report a line: {"id","text","published"?,"source"?}')
    .option('--published <date>', 'publication date YYYY-MM-DD')
    .option('--id <id>', 'document id')
    .action((file: string | undefined, opts: { jsonl?: string; published?: string; id?: string }) => {
      if (!file) throw new Error('give a FILE, - for stdin, or --jsonl FILE');
      const text = readFileSync(file === '-' ? 0 : file, 'utf8');
      const { events } = extractReport({ id: opts.id ?? file, text, published: opts.published ?? null });
      for (const e of events) process.stdout.write(JSON.stringify(e) + '\n');
    });
}
