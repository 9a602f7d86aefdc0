/**
 * Image reference grammar, after the Docker distribution reference:
 *
 *   reference := name [ ':' tag ] [ '@' digest ]
 *   name      := [ domain '/' ] component ( '/' component )*
 *   domain    := host [ ':' port ]
 *
 * Names are lower-cased before they are checked: `ghcr.io/${{ github.repository }}` with an
 * upper-case owner is the classic way to get "repository name must be lowercase" from docker.
 */
import { InputError } from '../util/errors.js';

export interface ImageReference {
  /** Normalized (lower-cased) name, registry included when given: `ghcr.io/owner/app`. */
  name: string;
  tag?: string;
  /** `sha256:<64 hex>`. */
  digest?: string;
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const HOST_LABEL = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])';
const HOST = `(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[a-f0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const COMPONENT_RE = new RegExp(`^${COMPONENT}$`);
const DOMAIN_RE = new RegExp(`^${DOMAIN}$`);
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

// Docker's limit on the whole name, registry included.
const NAME_MAX = 255;
const TAG_MAX = 128;

/** Validates an image name without tag or digest and returns it lower-cased. */
export function parseImageName(s: string, input = 'images'): string {
  const name = s.trim().toLowerCase();
  const problem = nameProblem(name);
  if (problem) throw new InputError(input, s, problem);
  return name;
}

/** Parses `name[:tag][@digest]`; the name is lower-cased, tag and digest are kept as written. */
export function parseReference(s: string, input = 'tags'): ImageReference {
  const text = s.trim();
  if (text === '') throw new InputError(input, s, 'is not a valid image reference: it is empty');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) {
      throw new InputError(
        input,
        s,
        `is not a valid image reference: digest "${digest}" is not sha256:<64 hex> or sha512:<128 hex>`,
      );
    }
  }
  let tag: string | undefined;
  // A colon after the last slash starts the tag; one before it belongs to the registry port.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag)) {
      throw new InputError(input, s, `is not a valid image reference: ${tagProblem(tag)}`);
    }
  }
  const name = rest.toLowerCase();
  const problem = nameProblem(name);
  if (problem) throw new InputError(input, s, `is not a valid image reference: ${problem}`);
  return { name, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** The reference back as one string. */
export function formatReference(ref: ImageReference): string {
  return `${ref.name}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** `host[:port]` of a registry: `ghcr.io`, `registry.local:5000`, `[::1]:5000`. */
export function isRegistryHost(host: string): boolean {
  return DOMAIN_RE.test(host.toLowerCase());
}

export function isValidTag(t: string): boolean {
  return TAG_RE.test(t);
}

function tagProblem(tag: string): string {
  if (tag === '') return 'the tag after ":" is empty';
  if (tag.length > TAG_MAX) return `tag "${tag}" is longer than ${TAG_MAX} characters`;
  return `tag "${tag}" must match [A-Za-z0-9_][A-Za-z0-9_.-]*`;
}

// Returns why a lower-cased name is not valid, or undefined when it is.
function nameProblem(name: string): string | undefined {
  if (name === '') return 'the image name is empty';
  if (name.length > NAME_MAX) return `the name is longer than ${NAME_MAX} characters`;
  if (name.includes('@')) return 'an image name must not include a digest';
  const parts = name.split('/');
  if (parts[parts.length - 1].includes(':')) return 'an image name must not include a tag';
  // As docker: the first part is a registry only if something follows it and it looks like a host.
  const hasDomain =
    parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost');
  if (hasDomain && !DOMAIN_RE.test(parts[0])) return `"${parts[0]}" is not a valid registry host[:port]`;
  for (const part of hasDomain ? parts.slice(1) : parts) {
    if (!COMPONENT_RE.test(part)) {
      return part === ''
        ? 'the name has an empty path component'
        : `path component "${part}" must match [a-z0-9]+ joined by ".", "_", "__" or "-"`;
    }
  }
  return undefined;
}

/** An OCI image layout on disk, as buildx and our inputs name one: `oci-layout://PATH`. */
export const OCI_LAYOUT = 'oci-layout://';

/** `oci-layout://PATH` (the report's image and baseline, compare-to): the path; undefined for a reference. */
export function ociLayoutPath(ref: string): string | undefined {
  return ref.startsWith(OCI_LAYOUT) ? ref.slice(OCI_LAYOUT.length) : undefined;
}

/** The repositories of full references (`host/app:tag`), each once, in their order. */
export function repositoriesOf(references: readonly string[]): string[] {
  return [...new Set(references.map((reference) => parseReference(reference).name))];
}
