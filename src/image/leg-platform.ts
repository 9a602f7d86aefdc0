/**
 * The one platform a leg built (`linux/arm64`), read from the image itself: the platform of the
 * index entry that is not an attestation, else the manifest's config. Works on any ImageSource:
 * the OCI layout of the docker driver, or the registry buildx pushed to.
 */
import { parseImageConfig, parseManifest } from '../oci/manifest.js';
import type { ImageSource } from '../oci/source.js';
import { isAttestation } from '../oci/platform.js';
import { platformName } from '../oci/descriptor.js';

export async function legPlatform(source: ImageSource, digest: string): Promise<string> {
  const top = await source.manifest(digest);
  const where = `${source.name}@${digest}`;
  const parsed = parseManifest(top.body, where, top.mediaType);
  let manifestDigest = digest;
  if (parsed.kind === 'index') {
    const images = parsed.manifests.filter((d) => !isAttestation(d));
    if (images.length !== 1) {
      const platforms = images.map((d) => (d.platform ? platformName(d.platform) : d.digest)).join(', ');
      throw new Error(
        `${where} holds ${images.length} platform images (${platforms}); a leg pushes exactly one`,
      );
    }
    if (images[0].platform) return platformName(images[0].platform);
    manifestDigest = images[0].digest;
  }
  const manifest =
    manifestDigest === digest ? parsed : parseManifest((await source.manifest(manifestDigest)).body, where);
  if (manifest.kind !== 'manifest') throw new Error(`${where}: ${manifestDigest} is not an image manifest`);
  const config = parseImageConfig(await source.blob(manifest.config.digest), `${where}, config`);
  if (!config.os || !config.architecture) throw new Error(`${where}: its config names no os/architecture`);
  return platformName({ os: config.os, architecture: config.architecture, variant: config.variant });
}
