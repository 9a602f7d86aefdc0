/**
 * A FROM image name split the way the slim-variant table reads it: the repository's last path
 * segment is the image (`python`, also under a mirror: `mirror.local/library/python`), the rest is
 * kept so a suggestion names the same registry.
 */
export interface ImageName {
  /** Everything before the image's own name, with its trailing slash (`localhost:5000/lab/`), or ''. */
  prefix: string;
  /** The repository's last path segment, lower-cased (`python`, `debian`). */
  name: string;
  /** The tag, 'latest' when none is written; a digest (`@sha256:...`) is dropped. */
  tag: string;
}

export function parseImageName(reference: string): ImageName {
  const withoutDigest = reference.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  const repository = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
  const tag = hasTag ? withoutDigest.slice(colon + 1) : 'latest';
  const nameStart = repository.lastIndexOf('/') + 1;
  return {
    prefix: repository.slice(0, nameStart),
    name: repository.slice(nameStart).toLowerCase(),
    tag: tag || 'latest',
  };
}
