/**
 * What buildx takes for each flag whose value we check before anything runs: each function says
 * why a value is not one, or undefined when buildx takes it. Names of inputs are not known here:
 * inputs/ names the input in the error (InputError).
 */

const OSES = new Set([
  'linux',
  'windows',
  'darwin',
  'freebsd',
  'netbsd',
  'openbsd',
  'solaris',
  'illumos',
  'aix',
  'plan9',
  'wasip1',
]);
const ARCHES = new Set([
  'amd64',
  'arm64',
  'arm',
  '386',
  'ppc64le',
  'ppc64',
  's390x',
  'riscv64',
  'mips64le',
  'mips64',
  'mipsle',
  'mips',
  'loong64',
  'wasm',
]);

/** `--platform`: OS/ARCH[/VARIANT] of a known OS and architecture (or `local`). */
export function platformProblem(platform: string): string | undefined {
  if (platform === 'local') return undefined;
  const [os, arch, variant, ...rest] = platform.split('/');
  return rest.length > 0 || !arch
    ? 'is not OS/ARCH[/VARIANT], e.g. linux/amd64'
    : !OSES.has(os)
      ? `has an unknown OS "${os}"`
      : !ARCHES.has(arch)
        ? `has an unknown architecture "${arch}" (known: ${[...ARCHES].join(', ')})`
        : variant !== undefined && !/^v[0-9]+(\.[0-9]+)?$/.test(variant)
          ? `has an unknown variant "${variant}" (e.g. v7, v8)`
          : undefined;
}

/** A value buildx would take for an option where it expects a name or a path. */
export function optionLikeProblem(value: string): string | undefined {
  return value.startsWith('-') && value !== '-'
    ? 'starts with "-": buildx would read it as an option'
    : undefined;
}

/** `--build-arg`, `--label`, `--annotation`, `--build-context`: KEY=VALUE. */
export function keyValueProblem(item: string): string | undefined {
  const eq = item.indexOf('=');
  if (eq <= 0) return 'must be KEY=VALUE (the "=" is missing or the key is empty)';
  if (/\s/.test(item.slice(0, eq))) return 'has whitespace in its key';
  return undefined;
}

/** `--provenance` / `--sbom` beyond true and false: KEY=VALUE[,KEY=VALUE]. */
export function attestationProblem(value: string): string | undefined {
  for (const part of value.split(',')) {
    if (!/^[a-z-]+=.+$/.test(part.trim())) return 'must be true, false, or KEY=VALUE[,KEY=VALUE]';
  }
  return undefined;
}

/** `--attest`. */
export function attestProblem(value: string): string | undefined {
  return /^type=(provenance|sbom)(,|$)/.test(value)
    ? undefined
    : 'must start with type=provenance or type=sbom';
}

/** `--allow`: fs=, fs.read= and fs.write= are Bake's: buildx build refuses them ("unknown entitlement"). */
export function entitlementProblem(value: string): string | undefined {
  return /^(network\.host|security\.insecure|device(=.+)?)$/.test(value)
    ? undefined
    : 'is not a buildx build entitlement (network.host, security.insecure, device)';
}

/** `--add-host`. */
export function addHostProblem(value: string): string | undefined {
  return /^[^\s:=]+[:=]\S+$/.test(value) ? undefined : 'must be HOST:IP';
}

/** `--shm-size`. */
export function shmSizeProblem(value: string): string | undefined {
  return /^[0-9]+(\.[0-9]+)?\s*[kmgtp]?i?b?$/i.test(value) ? undefined : 'is not a size such as 64m or 2g';
}

const ULIMITS = new Set(
  'core cpu data fsize locks memlock msgqueue nice nofile nproc rss rtprio rttime sigpending stack'.split(
    ' ',
  ),
);

/** `--ulimit`. */
export function ulimitProblem(value: string): string | undefined {
  const m = /^([a-z]+)=(-?[0-9]+)(?::(-?[0-9]+))?$/.exec(value);
  if (!m) return 'must be NAME=SOFT[:HARD], e.g. nofile=1024:1024';
  if (!ULIMITS.has(m[1])) return `has an unknown limit "${m[1]}"`;
  return undefined;
}
