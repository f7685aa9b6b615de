/**
 * The sitrep command line. Each command lives in its own file and exports
 * `register(program)`. Only the command being run is loaded (start-up stays quick:
 * the server, queue and SQL drivers load only for the commands that use them);
 * `--help` and unknown commands load them all so the help lists every command.
 */
import { Command } from 'commander';

type Registrar = { register(program: Command): void };

/** Command name → its module (relative to this file). */
const COMMANDS: Record<string, () => Promise<Registrar>> = {
  extract: () => import('./extract.js'),
  ingest: () => import('./ingest.js'),
  export: () => import('./export.js'),
  enqueue: () => import('./enqueue.js'),
  worker: () => import('./worker.js'),
  status: () => import('./status.js'),
  incident: () => import('./incident.js'),
  geocode: () => import('./geocode.js'),
  serve: () => import('./serve.js'),
  watch: () => import('./watch.js'),
  start: () => import('./start.js'),
};

const program = new Command();
program
  .name('sitrep')
  .description('News reports on conflict and protest in; ACLED-style events out.')
  .showHelpAfterError();

try {
  const name = process.argv[2];
  const only = name && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]!] : Object.values(COMMANDS);
  for (const load of only) (await load()).register(program);
  await program.parseAsync(process.argv);
} catch (err: unknown) {
  console.error(`sitrep: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
