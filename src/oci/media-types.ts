/**
 * The media types of the OCI image spec and of Docker's v2 schema 2 that shipshape reads.
 */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar';
export const OCI_LAYER_GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const OCI_LAYER_ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';
export const OCI_LAYER_NONDISTRIBUTABLE = 'application/vnd.oci.image.layer.nondistributable.v1.tar';
export const OCI_LAYER_NONDISTRIBUTABLE_GZIP = 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip';
export const OCI_LAYER_NONDISTRIBUTABLE_ZSTD = 'application/vnd.oci.image.layer.nondistributable.v1.tar+zstd';

export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';
export const DOCKER_LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** Windows base layers: "foreign", the registry usually does not hold their bytes. */
export const DOCKER_LAYER_FOREIGN_GZIP = 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip';

/** What a manifest request accepts, indexes first so that a tag gives every platform. */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST];

export type LayerCompression = 'gzip' | 'zstd' | 'none';

export function isIndex(mediaType: string): boolean {
  return mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST;
}

export function isManifest(mediaType: string): boolean {
  return mediaType === OCI_MANIFEST || mediaType === DOCKER_MANIFEST;
}

/** Layers whose bytes registries may legally refuse to serve (nondistributable, foreign). */
export function isNondistributable(mediaType: string): boolean {
  return mediaType.includes('.nondistributable.') || mediaType.includes('.foreign.');
}

/** How a layer blob is compressed, from its media type; undefined when it is no layer type we know. */
export function layerCompression(mediaType: string): LayerCompression | undefined {
  switch (mediaType) {
    case OCI_LAYER_GZIP:
    case OCI_LAYER_NONDISTRIBUTABLE_GZIP:
    case DOCKER_LAYER_GZIP:
    case DOCKER_LAYER_FOREIGN_GZIP:
      return 'gzip';
    case OCI_LAYER_ZSTD:
    case OCI_LAYER_NONDISTRIBUTABLE_ZSTD:
      return 'zstd';
    case OCI_LAYER:
    case OCI_LAYER_NONDISTRIBUTABLE:
      return 'none';
    default:
      return undefined;
  }
}
