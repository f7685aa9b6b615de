/**
 * Live updates over server-sent events (GET /stream).
 *
 * Changes made through this server are pushed at once. Changes made by other processes on the
 * same store (the CLI, queue workers) are noticed by a watcher that, while at least one client
 * listens, compares the store's report count and latest audit id every `watchMs`.
 */
import type { ServerResponse } from 'node:http';
import type { Store } from '../store/types.js';

/** One message sent to the page. */
export interface LiveMessage {
  /** `events`: new events stored; `review`: an event reviewed; `incidents`: merge/split; `changed`: seen by the watcher. */
  type: 'events' | 'review' | 'incidents' | 'changed';
  doc_id?: string;
  event_ids?: string[];
  incident_ids?: string[];
}

/** Fan-out of LiveMessages to connected SSE responses. */
export class LiveHub {
  private clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | null = null;
  private watcher: NodeJS.Timeout | null = null;
  private lastSeen: string | null = null;
  private checking = false;

  /** `watchMs` 0 disables the watcher. */
  constructor(
    private readonly store: Store,
    private readonly watchMs = 5000,
  ) {}

  /** Number of connected clients. */
  get size(): number {
    return this.clients.size;
  }

  /** Take over `res` as an event stream until the client goes away. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // `retry` tells EventSource how long to wait before reconnecting (ms).
    res.write('retry: 3000\n: connected\n\n');
    this.clients.add(res);
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.stopTimers();
    });
    this.startTimers();
  }

  /** Send `msg` to every client and remember the store state so the watcher does not repeat it. */
  publish(msg: LiveMessage): void {
    const frame = `event: ${msg.type}\ndata: ${JSON.stringify(msg)}\n\n`;
    for (const res of this.clients) res.write(frame);
    this.lastSeen = null; // re-read on the next watcher tick: our own change is already announced
    void this.fingerprint().then((f) => (this.lastSeen = f), () => undefined);
  }

  /** End every stream (server shutdown). */
  closeAll(): void {
    this.stopTimers();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private startTimers(): void {
    if (!this.heartbeat) {
      // A comment line every 20 s keeps proxies and idle timeouts from cutting the stream.
      this.heartbeat = setInterval(() => {
        for (const res of this.clients) res.write(': ping\n\n');
      }, 20_000);
      this.heartbeat.unref();
    }
    if (!this.watcher && this.watchMs > 0) {
      void this.fingerprint().then((f) => (this.lastSeen = f), () => undefined);
      this.watcher = setInterval(() => void this.check(), this.watchMs);
      this.watcher.unref();
    }
  }

  private stopTimers(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.watcher) clearInterval(this.watcher);
    this.heartbeat = this.watcher = null;
  }

  /**
   * A cheap value that changes when reports are added or anything is reviewed, merged or split
   * (also used to keep cached stats answers):
   * the report count (stats counts all reports whatever the filter; the empty date range keeps
   * the event aggregates free) and the latest audit id.
   */
  async changeMark(): Promise<string> {
    return this.fingerprint();
  }

  private async fingerprint(): Promise<string> {
    const [stats, audit] = await Promise.all([this.store.stats({ date_from: '9999-12-31' }), this.store.audit(1)]);
    return `${stats.reports}/${audit[0]?.id ?? 0}`;
  }

  private async check(): Promise<void> {
    if (this.checking || this.clients.size === 0) return;
    this.checking = true;
    try {
      const f = await this.fingerprint();
      if (this.lastSeen !== null && f !== this.lastSeen) {
        const frame = `event: changed\ndata: ${JSON.stringify({ type: 'changed' })}\n\n`;
        for (const res of this.clients) res.write(frame);
      }
      this.lastSeen = f;
    } catch {
      // A failed check is retried on the next tick; the stream stays open.
    } finally {
      this.checking = false;
    }
  }
}
