/**
 * `sitrep serve [--port 8787] [--host 127.0.0.1] [--store URL]`: the HTTP API and the
 * analyst's page. Bound to loopback by default; binding elsewhere exposes review to the network.
 */
import type { Command } from 'commander';
import { startServer } from '../api/index.js';
import { openStore, resolveStoreUrl } from '../store/index.js';

interface ServeOptions {
  port: string;
  host: string;
  store?: string;
  bodyLimit: string;
  allowPrivate?: boolean;
  log?: boolean;
}

/** A TCP port 0-65535 from a flag; throws with the flag's name otherwise. */
export function parsePort(s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s) || n > 65535) throw new Error(`--port must be a whole number from 0 to 65535 (got "${s}")`);
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the web page (http://127.0.0.1:8787/ by default)')
    .option('--port <n>', 'TCP port', '8787')
    .option('--host <addr>', 'address to bind (127.0.0.1 keeps it on this machine)', '127.0.0.1')
    .option('--store <url>', 'sqlite:PATH or postgres://USER@HOST:PORT/DB (default: $SITREP_STORE or sqlite:data/sitrep.sqlite)')
    .option('--body-limit <bytes>', 'largest request body in bytes', String(2 * 1024 * 1024))
    .option('--allow-private', 'let POST /reports fetch URLs on loopback or private networks')
    .option('--log', 'log every request (JSON lines on stdout)')
    .action(async (opts: ServeOptions) => {
      const port = parsePort(opts.port);
      const bodyLimit = Number(opts.bodyLimit);
      if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new Error(`--body-limit must be a whole number of bytes >= 1024 (got "${opts.bodyLimit}")`);
      const storeUrl = resolveStoreUrl(opts.store);
      const store = await openStore(storeUrl);
      const { app, address } = await startServer({
        store,
        host: opts.host,
        port,
        bodyLimit,
        allowPrivateUrls: opts.allowPrivate ?? false,
        logger: opts.log ?? false,
      });
      console.log(`sitrep: serving ${address}/ (store ${storeUrl.replace(/\/\/[^@/]*@/, '//…@')})`);
      // The review actions have no login: on another address anyone who reaches it can edit.
      if (!/^(?:127\.|localhost$|::1$|\[::1\]$)/.test(opts.host))
        console.error(`sitrep serve: warning: listening on ${opts.host}, reachable from other machines; the API has no authentication`);
      let closing = false;
      const stop = async () => {
        if (closing) return;
        closing = true;
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
    });
}
