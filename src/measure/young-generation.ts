/**
 * Keeps V8's young generation at its starting size while layers are scanned.
 *
 * A scan makes garbage fast (a decompressed chunk and a few small objects per tar entry) while
 * every path it keeps survives a scavenge or two. V8 reads those survivors as a reason to grow
 * new space, which on Node 24 goes from 1 MiB to 128 MiB; between scavenges the dead chunks'
 * off-heap bytes wait too. Two 1 GB layers of 100,000 files scanned at once then peak at
 * ~215 MB RSS instead of ~125 MB (bench/layer-scan.mjs prints both), in the same time: the
 * survivors are few, so the extra scavenges are cheap. The runner starts `node` without flags
 * and `resourceLimits` only sizes workers, so the flag is set at run time: V8 reads the growth
 * factor each time it would grow new space, and 1 means it stays.
 */
import { setFlagsFromString } from 'node:v8';

let capped = false;

/** Idempotent; process-wide (the action is one short process, whose later work is small). */
export function keepYoungGenerationSmall(): void {
  if (capped) return;
  capped = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}
