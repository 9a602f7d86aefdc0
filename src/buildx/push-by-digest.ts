/**
 * A leg of a multi-platform build (`push-by-digest: true`): one platform, pushed without tags,
 * so that a merge step can gather the legs' digests into one index. How it is pushed depends on
 * the builder's driver: buildx's own `push-by-digest=true` where the driver has it; with the
 * docker driver (which refuses it), an OCI layout tar that we upload ourselves
 * (registry/push-layout.ts). Pure: the build options for either way.
 */
import type { BuildOptions } from './buildx.js';
import { canPushByDigest } from './builder.js';

export type DigestPushMode =
  /** buildx pushes: `type=image,push-by-digest=true,name-canonical=true,push=true`. */
  | 'buildx'
  /** buildx writes an OCI layout tar; shipshape uploads its blobs and manifests by digest. */
  | 'layout';

export function digestPushMode(driver: string): DigestPushMode {
  return canPushByDigest(driver) ? 'buildx' : 'layout';
}

/**
 * The build options of a leg: no tags (a tag would be pushed, or name the layout's image), no
 * `--push` or `--load`, and the one output that pushes by digest or writes the layout.
 */
export function legBuildOptions(
  options: BuildOptions,
  leg: { mode: DigestPushMode; images: readonly string[]; layoutPath: string },
): BuildOptions {
  const output =
    leg.mode === 'buildx'
      ? csv([
          'type=image',
          `name=${leg.images.join(',')}`,
          'push-by-digest=true',
          'name-canonical=true',
          'push=true',
        ])
      : csv(['type=oci', `dest=${leg.layoutPath}`, 'tar=true']);
  return { ...options, tags: [], push: false, load: false, outputs: [output] };
}

// buildx reads `--output` as one CSV record: a field with a comma or a quote is quoted, `"` doubled.
function csv(fields: string[]): string {
  return fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
