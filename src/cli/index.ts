/**
 * The sitrep command line. Each command lives in its own file and exports
 * `register(program)`; this file only wires them together.
 */
import { Command } from 'commander';
import { register as registerExtract } from './extract.js';
import { register as registerIngest } from './ingest.js';
import { register as registerExport } from './export.js';
import { register as registerEnqueue } from './enqueue.js';
import { register as registerWorker } from './worker.js';
import { register as registerStatus } from './status.js';
import { register as registerGeocode } from './geocode.js';
import { register as registerServe } from './serve.js';
import { register as registerWatch } from './watch.js';
import { register as registerStart } from './start.js';

const program = new Command();
program
  .name('sitrep')
  .description('News reports on conflict and protest in; ACLED-style events out.')
  .showHelpAfterError();

registerExtract(program);
registerIngest(program);
registerExport(program);
registerEnqueue(program);
registerWorker(program);
registerStatus(program);
registerGeocode(program);
registerServe(program);
registerWatch(program);
registerStart(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`sitrep: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
