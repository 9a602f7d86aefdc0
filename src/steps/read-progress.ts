/**
 * Progress while layers stream from the registry, so that a long read is not minutes of silence:
 * every few seconds, a line per layer still streaming (platform, layer i/n, bytes read of its
 * size, rate); a closing line for each layer that took long enough to be reported; and, at the
 * end, one line with the time each phase took. Pure: bytes and a clock in, lines out through `log`.
 *
 *   const progress = new ReadProgress({ log: io.info, now: Date.now });
 *   const end = progress.phase('layers');
 *   const layer = progress.layer({ platform: 'linux/amd64', index: 3, count: 7, size: 1_270_000_000 });
 *   stream.on('data', (chunk) => layer.read(chunk.length));
 *   layer.done();
 *   end();
 *   progress.finish(); // "read in 12.4 s: manifests 0.08 s, layers 12.3 s (1.27 GB, 103 MB/s)"
 */
import { formatBytes } from '../render/format.js';

export interface ProgressOptions {
  log: (line: string) => void;
  /** Milliseconds, from any origin. */
  now: () => number;
  /** The least time between two rounds of progress lines (ms): 5 s unless given. */
  interval?: number;
  /** The closing line only for a read that took at least this long (ms); always when absent. */
  closingAfter?: number;
}

/**
 * The progress of a step's reads, as the environment asks: a round of lines every 5 s, or every
 * SHIPSHAPE_PROGRESS_INTERVAL_MS (`0`: none at all); the closing line only for a read that took
 * an interval or longer, so that a quick read (a small image, a test) stays quiet.
 */
export function progressFromEnv(
  env: Record<string, string | undefined>,
  log: (line: string) => void,
  now: () => number,
): ReadProgress | undefined {
  const value = env.SHIPSHAPE_PROGRESS_INTERVAL_MS?.trim();
  const interval = value && /^\d{1,9}$/.test(value) ? Number(value) : DEFAULT_PROGRESS_INTERVAL_MS;
  if (interval === 0) return undefined;
  return new ReadProgress({ log, now, interval, closingAfter: interval });
}

export interface LayerInfo {
  platform: string;
  /** 1-based, of `count`. */
  index: number;
  count: number;
  /** The layer's size as its descriptor gives it (compressed bytes). */
  size: number;
}

export interface LayerTracker {
  /** Bytes of the layer that have arrived. */
  read(bytes: number): void;
  done(): void;
}

interface ActiveLayer extends LayerInfo {
  started: number;
  bytes: number;
  /** Whether a progress line named it: then its end is told too. */
  shown: boolean;
}

interface Phase {
  name: string;
  start: number;
  ms: number;
  bytes: number;
  open: boolean;
}

export const DEFAULT_PROGRESS_INTERVAL_MS = 5_000;

export class ReadProgress {
  private readonly interval: number;
  private readonly started: number;
  private lastRound: number;
  private readonly active = new Set<ActiveLayer>();
  private readonly phases: Phase[] = [];

  constructor(private readonly options: ProgressOptions) {
    this.interval = options.interval ?? DEFAULT_PROGRESS_INTERVAL_MS;
    this.started = options.now();
    this.lastRound = this.started;
  }

  /** Starts phase `name`, ending the one before; the returned function ends it (once). */
  phase(name: string): () => void {
    this.closePhase();
    const phase: Phase = { name, ms: 0, bytes: 0, start: this.options.now(), open: true };
    this.phases.push(phase);
    return () => this.closePhase(phase);
  }

  layer(info: LayerInfo): LayerTracker {
    const layer: ActiveLayer = { ...info, started: this.options.now(), bytes: 0, shown: false };
    this.active.add(layer);
    const phase = this.phases.at(-1)?.open ? this.phases.at(-1) : undefined;
    let finished = false;
    return {
      read: (bytes) => {
        if (finished) return;
        layer.bytes += bytes;
        if (phase) phase.bytes += bytes;
        this.maybeRound();
      },
      done: () => {
        if (finished) return;
        finished = true;
        this.active.delete(layer);
        if (layer.shown) {
          const ms = this.options.now() - layer.started;
          this.options.log(
            `${name(layer)}: ${formatBytes(layer.bytes)} in ${seconds(ms)} (${rate(layer.bytes, ms)})`,
          );
        }
        this.maybeRound();
      },
    };
  }

  /** The closing line: the whole read and each phase, with bytes and rate where bytes flowed. */
  finish(): void {
    this.closePhase();
    const total = this.options.now() - this.started;
    if (total < (this.options.closingAfter ?? 0)) return;
    const parts = this.phases.map(
      (p) =>
        `${p.name} ${seconds(p.ms)}${p.bytes > 0 ? ` (${formatBytes(p.bytes)}, ${rate(p.bytes, p.ms)})` : ''}`,
    );
    this.options.log(`read in ${seconds(total)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`);
  }

  // The given phase, or whichever is open.
  private closePhase(phase = this.phases.at(-1)): void {
    if (!phase?.open) return;
    phase.open = false;
    phase.ms = this.options.now() - phase.start;
  }

  // One line per layer still streaming, at most once per interval.
  private maybeRound(): void {
    const now = this.options.now();
    if (now - this.lastRound < this.interval || this.active.size === 0) return;
    this.lastRound = now;
    for (const layer of this.active) {
      layer.shown = true;
      const ms = now - layer.started;
      const of =
        layer.size > 0
          ? ` of ${formatBytes(layer.size)} (${Math.floor((layer.bytes / layer.size) * 100)}%)`
          : '';
      this.options.log(`${name(layer)}: ${formatBytes(layer.bytes)}${of}, ${rate(layer.bytes, ms)}`);
    }
  }
}

function name(layer: LayerInfo): string {
  return `${layer.platform} layer ${layer.index}/${layer.count}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function rate(bytes: number, ms: number): string {
  if (ms <= 0) return `${formatBytes(bytes)}/s`;
  return `${formatBytes(Math.round((bytes * 1000) / ms))}/s`;
}
