// Live updates for open rosters: an in-process bus per event. Check-ins notify it directly; a published schedule is
// noticed by watching the published version (number and revision), because `meetgrid publish` runs in another
// process and an in-process call would miss it. Subscribers (the SSE endpoint) get small change notices and fetch
// the roster again; nothing here knows about HTTP.
import { EventEmitter } from 'node:events';
import type { Db } from '../../db/index.js';
import { publishedVersion } from '../../db/index.js';

export type LiveChange =
  | { readonly type: 'checkin'; readonly dayId: number; readonly roomId: number | null }
  | { readonly type: 'schedule'; readonly version: number };

export type LiveListener = (change: LiveChange) => void;

export interface LiveUpdatesOptions {
  /** How often a watched event's published version is compared, in ms (default 2000). */
  readonly pollMs?: number;
}

export class LiveUpdates {
  private readonly emitter = new EventEmitter();
  private readonly watchers = new Map<number, { timer: NodeJS.Timeout; seen: string }>();
  private readonly pollMs: number;

  constructor(
    private readonly db: Db,
    options: LiveUpdatesOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 2000;
    // Every open roster is one listener; a busy venue has far more than EventEmitter's default warning level.
    this.emitter.setMaxListeners(0);
  }

  notify(eventId: number, change: LiveChange): void {
    this.emitter.emit(String(eventId), change);
  }

  /** Starts listening; the returned function stops. The version watcher runs while anyone listens to the event. */
  subscribe(eventId: number, listener: LiveListener): () => void {
    const name = String(eventId);
    this.emitter.on(name, listener);
    if (!this.watchers.has(eventId)) this.watch(eventId);
    return () => {
      this.emitter.off(name, listener);
      if (this.emitter.listenerCount(name) === 0) this.unwatch(eventId);
    };
  }

  listenerCount(eventId: number): number {
    return this.emitter.listenerCount(String(eventId));
  }

  /** Compares the published version now instead of waiting for the next tick (after a publish in this process). */
  checkSchedule(eventId: number): void {
    const watcher = this.watchers.get(eventId);
    if (!watcher) return;
    const version = publishedVersion(this.db, eventId);
    const seen = version ? `${version.id}:${version.revision}` : '';
    if (seen === watcher.seen) return;
    watcher.seen = seen;
    this.notify(eventId, { type: 'schedule', version: version?.number ?? 0 });
  }

  close(): void {
    for (const eventId of [...this.watchers.keys()]) this.unwatch(eventId);
    this.emitter.removeAllListeners();
  }

  private watch(eventId: number): void {
    const version = publishedVersion(this.db, eventId);
    const timer = setInterval(() => this.checkSchedule(eventId), this.pollMs);
    timer.unref();
    this.watchers.set(eventId, { timer, seen: version ? `${version.id}:${version.revision}` : '' });
  }

  private unwatch(eventId: number): void {
    const watcher = this.watchers.get(eventId);
    if (watcher) clearInterval(watcher.timer);
    this.watchers.delete(eventId);
  }
}
