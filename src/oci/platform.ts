/**
 * Platforms: which descriptors of an index are images (not attestations), `os/arch[/variant]`
 * parsed, and the filter that matches them as containerd does.
 */
import { ActionError } from '../util/errors.js';
import type { Descriptor, PlatformSpec } from './descriptor.js';
import type { ImageIndex } from './manifest.js';
import { isManifest } from './media-types.js';

/** A platform filter entry that is not `os/arch[/variant]`. */
export class PlatformSyntaxError extends ActionError {
  constructor(readonly value: string) {
    super(`${JSON.stringify(value)} is not a platform: expected os/arch[/variant], like linux/amd64`);
    this.name = 'PlatformSyntaxError';
  }
}
const ATTESTATION_TYPE = 'vnd.docker.reference.type';

/** BuildKit's attestation manifests (provenance, SBOM) ride in the index but are no platform. */
export function isAttestation(descriptor: Descriptor): boolean {
  if (descriptor.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest') return true;
  return descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown';
}

/** `linux/arm64/v8` -> { os, architecture, variant }; throws PlatformSyntaxError. */
export function parsePlatform(text: string): PlatformSpec {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '' || /\s/.test(part))) {
    throw new PlatformSyntaxError(text);
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return { os, architecture, ...(variant && { variant }) };
}

/** A platform filter from a list whose items may themselves be comma-separated. Empty = everything. */
export function parsePlatformFilter(list: readonly string[]): PlatformSpec[] {
  return list
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(parsePlatform);
}

// The variant a platform has when it names none (containerd's normalisation).
const DEFAULT_VARIANT: Record<string, string> = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
const ARCHITECTURE_ALIASES: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };

function normalize(spec: PlatformSpec): { os: string; architecture: string; variant?: string } {
  const architecture = spec.architecture.toLowerCase();
  return {
    os: spec.os.toLowerCase(),
    architecture: ARCHITECTURE_ALIASES[architecture] ?? architecture,
    variant: spec.variant?.toLowerCase(),
  };
}

/**
 * Whether an image platform satisfies one filter entry. A filter without a variant takes any
 * variant (`linux/arm64` matches `linux/arm64/v8`); with one, the image's variant (or its
 * architecture's default: arm64 v8, arm v7, amd64 v1) must be equal.
 */
export function platformMatches(wanted: PlatformSpec, actual: PlatformSpec): boolean {
  const want = normalize(wanted);
  const have = normalize(actual);
  if (want.os !== have.os || want.architecture !== have.architecture) return false;
  if (want.variant === undefined) return true;
  return want.variant === (have.variant ?? DEFAULT_VARIANT[have.architecture]);
}

export function matchesAny(filter: readonly PlatformSpec[], actual: PlatformSpec): boolean {
  return filter.length === 0 || filter.some((wanted) => platformMatches(wanted, actual));
}

/** The image platforms of an index (attestations left out), those `filter` keeps (all when empty). */
export function selectPlatforms(index: ImageIndex, filter: readonly PlatformSpec[] = []): Descriptor[] {
  return index.manifests.filter(
    (descriptor) =>
      !isAttestation(descriptor) &&
      isManifest(descriptor.mediaType) &&
      descriptor.platform !== undefined &&
      matchesAny(filter, descriptor.platform),
  );
}
