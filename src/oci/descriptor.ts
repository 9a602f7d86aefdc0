/**
 * The OCI content descriptor and platform, as indexes and manifests carry them.
 */

/** An OCI content descriptor, as it stands in an index or a manifest. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: PlatformSpec;
  annotations?: Record<string, string>;
}

export interface PlatformSpec {
  os: string;
  architecture: string;
  variant?: string;
}

/** `os/arch[/variant]`. */
export function platformName(p: PlatformSpec): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
