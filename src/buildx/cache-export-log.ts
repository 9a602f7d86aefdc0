/**
 * Finds failed cache exports in buildx's plain progress output. With `ignore-error=true` the
 * build succeeds and the failure is only a vertex error in the log:
 *
 *   #7 exporting cache to registry
 *   #7 ERROR: error writing layer blob: ... dial tcp 127.0.0.1:1: connect: connection refused
 *
 * Fed line by line as the log streams, so a long build log is never held in memory.
 */
import { cacheDestination, cacheEntry, cacheTypesOfVertex } from './cache.js';

export interface FailedCacheExport {
  /** The cache-to entries the failed vertex may stand for, named without credentials. */
  destinations: string[];
  /** BuildKit's error, as it printed it. */
  error: string;
}

const VERTEX = /^#(\d+) (.+)$/;
const VERTEX_ERROR = /^#(\d+) ERROR: ?(.*)$/;

export class CacheExportLog {
  /** Vertex id -> the cache types it exports to. */
  private readonly exports = new Map<string, string[]>();
  private readonly seen = new Set<string>();
  readonly failures: FailedCacheExport[] = [];

  constructor(private readonly cacheTo: string[]) {}

  line(text: string): void {
    const line = text.trimEnd();
    const failed = VERTEX_ERROR.exec(line);
    if (failed) {
      const types = this.exports.get(failed[1]);
      if (types) this.failures.push({ destinations: this.destinations(types), error: failed[2] });
      return;
    }
    const vertex = VERTEX.exec(line);
    // A vertex's first line is its name; the lines after it are its progress.
    if (!vertex || this.seen.has(vertex[1])) return;
    this.seen.add(vertex[1]);
    const types = cacheTypesOfVertex(vertex[2]);
    if (types) this.exports.set(vertex[1], types);
  }

  // Several exports of one type cannot be told apart by the vertex name: all of them are named.
  private destinations(types: string[]): string[] {
    const matching = this.cacheTo.filter(
      (entry) => types.length === 0 || types.includes(cacheEntry(entry).type),
    );
    return (matching.length > 0 ? matching : this.cacheTo).map(cacheDestination);
  }
}

/** One warning per failed export: where the cache was going, and why it did not get there. */
export function cacheExportWarning(failure: FailedCacheExport): string {
  const where =
    failure.destinations.length === 1 ? failure.destinations[0] : `one of ${failure.destinations.join('; ')}`;
  const error = failure.error.length > 500 ? `${failure.error.slice(0, 500)}…` : failure.error;
  return (
    `Build cache export to ${where} failed; the image was built and the build goes on, ` +
    `but the next build will not find this cache: ${error}`
  );
}
