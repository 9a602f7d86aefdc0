/**
 * The `docker buildx build` command line, as data. A pure function of the build options:
 * no environment, no filesystem, no version checks (features.ts gates flags on the
 * installed buildx before this runs). Every value is its own argv element, never joined
 * into a shell string, so spaces, commas, quotes and newlines in values are safe.
 */
import { parseList } from '../util/list.js';

export interface BuildOptions {
  /** Path or URL; the last argv element. */
  context: string;
  file?: string;
  target?: string;
  buildArgs: string[];
  buildContexts: string[];
  platforms: string[];
  /** Final labels (OCI + user), in the order they are given. */
  labels: Record<string, string>;
  annotations: string[];
  /** Full references. */
  tags: string[];
  /** Already resolved: value secrets were written to files by the caller. */
  secrets: { id: string; src?: string; env?: string }[];
  ssh: string[];
  cacheFrom: string[];
  cacheTo: string[];
  network?: string;
  noCache: boolean;
  noCacheFilters: string[];
  pull: boolean;
  push: boolean;
  load: boolean;
  outputs: string[];
  /** The provenance input as written: undefined or '' = not set, `true`, `false`, or attributes (`mode=max`). */
  provenance?: string;
  /** The sbom input as written: undefined or '' = not set. */
  sbom?: string;
  attests: string[];
  builder?: string;
  /**
   * A docker context to run buildx in (`docker --context NAME buildx build`): how a docker-driver
   * builder other than the current context is selected, since buildx refuses it as `--builder`.
   */
  dockerContext?: string;
  allow: string[];
  addHosts: string[];
  shmSize?: string;
  ulimits: string[];
  cgroupParent?: string;
  metadataFile: string;
  iidFile: string;
  /** Provenance builder-id (the workflow run URL): added to provenance that is on and names none. */
  builderId?: string;
  /**
   * `check`: run the Dockerfile's build checks instead of the build (`--call check,format=json`,
   * as build-push-action's `call` input); nothing is exported, pushed or loaded.
   */
  call?: 'check';
}

/**
 * argv after `docker`: `['buildx', 'build', ...flags, '--', context]`.
 *
 * Flag order (fixed, so that logs and tests are stable), one group after another:
 *  1. `--builder`                       which builder runs the build (a buildx-wide flag)
 *  2. `--file`, `--target`, `--platform`, `--call` what is built (or checked)
 *  3. `--build-arg`, `--build-context`  its inputs
 *  4. `--label`, `--annotation`, `--tag` what the image says about itself and its names
 *  5. `--secret`, `--ssh`               what RUN steps may borrow
 *  6. `--cache-from`, `--cache-to`, `--no-cache`, `--no-cache-filter`, `--pull`   cache
 *  7. `--network`, `--add-host`, `--allow`, `--shm-size`, `--ulimit`, `--cgroup-parent`
 *                                       the RUN sandbox
 *  8. `--provenance=`, `--sbom=`, `--attest`   attestations
 *  9. `--output`, `--push`, `--load`    where the result goes
 * 10. `--metadata-file`, `--iidfile`    what buildx tells us back
 * Within a group, list flags keep the order of their items.
 */
export function buildxArgs(o: BuildOptions): string[] {
  const args = o.dockerContext ? ['--context', o.dockerContext, 'buildx', 'build'] : ['buildx', 'build'];
  const flag = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') args.push(name, value);
  };
  const each = (name: string, values: string[]) => values.forEach((value) => flag(name, value));
  const bool = (name: string, on: boolean) => {
    if (on) args.push(name);
  };

  flag('--builder', o.builder);

  flag('--file', o.file);
  flag('--target', o.target);
  flag('--platform', o.platforms.join(','));
  if (o.call) args.push('--call', `${o.call},format=json`);

  each('--build-arg', o.buildArgs);
  each('--build-context', o.buildContexts);

  each(
    '--label',
    Object.entries(o.labels).map(([key, value]) => `${key}=${value}`),
  );
  each('--annotation', o.annotations);
  each('--tag', o.tags);

  each('--secret', o.secrets.map(secretSpec));
  each('--ssh', o.ssh);

  each('--cache-from', o.cacheFrom);
  each('--cache-to', o.cacheTo);
  bool('--no-cache', o.noCache);
  each('--no-cache-filter', o.noCacheFilters);
  bool('--pull', o.pull);

  flag('--network', o.network);
  each('--add-host', o.addHosts);
  // One flag each: buildx >= 0.2x reads `--allow a,b` as one unknown entitlement "a,b".
  each('--allow', o.allow);
  flag('--shm-size', o.shmSize);
  each('--ulimit', o.ulimits);
  flag('--cgroup-parent', o.cgroupParent);

  args.push(...attestationArgs(o));

  // A check builds nothing: no export, and no result to tell back.
  if (!o.call) {
    each('--output', o.outputs);
    bool('--push', o.push);
    bool('--load', o.load);

    flag('--metadata-file', o.metadataFile);
    // buildx refuses an image ID file next to a local or tar export (there is no image).
    const fileExport = o.outputs.some((output) => ['local', 'tar'].includes(outputType(output)));
    if (!fileExport) flag('--iidfile', o.iidFile);
  }

  // `--` ends the options: a context path that starts with `-` is still the context.
  args.push('--', o.context);
  return args;
}

/**
 * `--provenance=`, `--sbom=` and `--attest` flags. The `provenance` and `sbom` inputs win over an
 * attest of the same type (buildx rejects the same attestation type twice). A provenance that
 * is on and names no builder-id gets `builderId`, whether it comes from `provenance` or `attests`.
 * The `=` form keeps a value such as `false` attached to its flag whatever buildx's parser does.
 */
function attestationArgs(o: BuildOptions): string[] {
  const args: string[] = [];
  const provenance = o.provenance ?? '';
  const sbom = o.sbom ?? '';
  if (provenance !== '') args.push(`--provenance=${provenanceValue(provenance, o.builderId)}`);
  if (sbom !== '') args.push(`--sbom=${sbom}`);
  for (const attest of o.attests) {
    const type = attributes(attest).get('type');
    if (type === 'provenance' && provenance !== '') continue;
    if (type === 'sbom' && sbom !== '') continue;
    args.push('--attest', type === 'provenance' ? withBuilderId(attest, o.builderId) : attest);
  }
  return args;
}

// Go's strconv.ParseBool, which buildx applies to `--provenance` and `--sbom` values.
const TRUE = new Set(['1', 't', 'T', 'true', 'True', 'TRUE']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'False', 'FALSE']);

/** `true` -> `builder-id=<id>` (as build-push-action), `false` -> `false`, attributes -> plus builder-id. */
function provenanceValue(value: string, builderId: string | undefined): string {
  if (FALSE.has(value)) return 'false';
  if (TRUE.has(value)) return builderId ? `builder-id=${builderId}` : 'true';
  return withBuilderId(value, builderId);
}

function withBuilderId(attrs: string, builderId: string | undefined): string {
  if (!builderId) return attrs;
  const fields = attributes(attrs);
  if (fields.has('builder-id') || TRUE.has(fields.get('disabled') ?? '')) return attrs;
  return `${attrs},builder-id=${builderId}`;
}

/** `key=value,key=value` (CSV, as buildx reads it) -> map; a field without `=` maps to ''. */
function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of parseList(text)) {
    const eq = field.indexOf('=');
    if (eq < 0) map.set(field, '');
    else map.set(field.slice(0, eq).trim(), field.slice(eq + 1).trim());
  }
  return map;
}

/**
 * The exporter type of an `--output` value, as buildx reads it: `type=...`, or a bare path
 * (local export to that directory), or `-` (tar to stdout); '' when it names no type.
 */
export function outputType(output: string): string {
  const fields = parseList(output);
  const type = attributes(output).get('type');
  if (type !== undefined) return type;
  if (fields.length === 1 && !fields[0].includes('=')) return fields[0] === '-' ? 'tar' : 'local';
  return '';
}

/** `id=X,src=F` / `id=X,env=E`: a field holding a comma or quote is CSV-quoted, as buildx parses it. */
function secretSpec(secret: BuildOptions['secrets'][number]): string {
  const fields = [`id=${secret.id}`];
  if (secret.src !== undefined) fields.push(`src=${secret.src}`);
  if (secret.env !== undefined) fields.push(`env=${secret.env}`);
  return fields.map(csvField).join(',');
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
