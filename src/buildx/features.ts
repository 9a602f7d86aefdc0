/**
 * Which buildx flags the installed buildx knows. An old buildx fails on a flag it does not
 * know with a cryptic usage error, or (for some flags it used to accept and ignore) builds
 * something other than what was asked, so we check first and say which input needs what.
 *
 * Flags that change what is built are errors; attestations, which only add to it, are a
 * warning and are dropped from the options.
 */
// Single functions, not the whole package: loading all of semver costs ~12 ms per run.
import coerce from 'semver/functions/coerce.js';
import gt from 'semver/functions/gt.js';
import lt from 'semver/functions/lt.js';
import parse from 'semver/functions/parse.js';
import { outputType, type BuildOptions } from './buildx.js';

export interface FeatureCheck {
  errors: string[];
  warnings: string[];
  /** The options to build with: attestations dropped when the buildx is too old for them. */
  options: BuildOptions;
}

interface Feature {
  /** The first buildx release with the feature. */
  since: string;
  /** The flag, as the message shows it. */
  flag: string;
  /** The inputs (action.yml names) in use that ask for the feature; [] when it is not used. */
  askedBy: (o: BuildOptions) => string[];
}

/** The oldest buildx shipshape runs with: it reads the build result from --metadata-file. */
export const OLDEST_BUILDX = '0.6.0';

/** Not an input: shipshape itself needs the feature. */
const SHIPSHAPE = '';

/*
 * Minimum buildx versions. Sources: docker/build-push-action's own gates (metadata-file 0.6.0,
 * build-contexts 0.8.0, attestations 0.10.0, annotations 0.12.0) and buildx's pull requests
 * and releases: secret env= #488 (opened after v0.5.1, so v0.6.0); shm-size #790, ulimit #800,
 * cgroup-parent #814 (all v0.7.0; build-push-action#501 "available since buildx 0.7.0"; older
 * versions accepted --shm-size, with docker build's other resource flags, as a hidden no-op);
 * no-cache-filter #860 (v0.8.0); several exporters per build v0.13.0 (build-push-action#1056),
 * with --push and --load as exports of their own from v0.13.1 (buildx a03263a, "handle
 * push/load shorthands for multi exporters", cherry-picked to 0.13 after v0.13.0).
 */
const FEATURES: Feature[] = [
  { since: OLDEST_BUILDX, flag: '--metadata-file', askedBy: () => [SHIPSHAPE] },
  {
    since: '0.6.0',
    flag: '--secret env=',
    askedBy: when('secret-envs', (o) => o.secrets.some((s) => !!s.env)),
  },
  { since: '0.7.0', flag: '--shm-size', askedBy: when('shm-size', (o) => !!o.shmSize) },
  { since: '0.7.0', flag: '--ulimit', askedBy: when('ulimit', (o) => o.ulimits.length > 0) },
  { since: '0.7.0', flag: '--cgroup-parent', askedBy: when('cgroup-parent', (o) => !!o.cgroupParent) },
  {
    since: '0.8.0',
    flag: '--build-context',
    askedBy: when('build-contexts', (o) => o.buildContexts.length > 0),
  },
  {
    since: '0.8.0',
    flag: '--no-cache-filter',
    askedBy: when('no-cache-filters', (o) => o.noCacheFilters.length > 0),
  },
  { since: '0.12.0', flag: '--annotation', askedBy: when('annotations', (o) => o.annotations.length > 0) },
  { since: '0.13.0', flag: 'more than one --output', askedBy: when('outputs', (o) => o.outputs.length > 1) },
  { since: '0.13.1', flag: '--push or --load next to another export', askedBy: shorthandExports },
  // Build checks and --call came with buildx 0.15.0 (and BuildKit's Dockerfile frontend 1.8).
  { since: '0.15.0', flag: '--call check', askedBy: when('call', (o) => o.call === 'check') },
];

const ATTESTATIONS = '0.10.0';

/**
 * Whether the build uses a flag newer than OLDEST_BUILDX, so that asking buildx its version
 * (a process, ~0.1-0.25 s) is worth it. Any attestation setting counts, `false` included:
 * a buildx that does not know --provenance fails on `--provenance=false` too.
 */
export function needsVersionCheck(o: BuildOptions): boolean {
  if (o.provenance || o.sbom || o.attests.length > 0) return true;
  return FEATURES.some((f) => gt(f.since, OLDEST_BUILDX) && f.askedBy(o).length > 0);
}

const UPDATE = 'Update buildx (docker/setup-buildx-action)';

export function checkFeatures(o: BuildOptions, buildxVersion: string | undefined): FeatureCheck {
  const version = buildxVersion === undefined ? null : coerce(buildxVersion);
  if (!version) {
    return {
      errors: [],
      warnings: [
        'Could not tell which buildx version this runner has, so the inputs were not checked against it; ' +
          'an old buildx may reject or ignore some of them.',
      ],
      options: o,
    };
  }
  const has = `this runner has buildx ${buildxVersion}`;
  const tooOld = (since: string) => lt(version, since);

  const errors: string[] = [];
  for (const feature of FEATURES) {
    const inputs = feature.askedBy(o);
    if (inputs.length === 0 || !tooOld(feature.since)) continue;
    const needs = `buildx >= ${feature.since} (${feature.flag}); ${has}.`;
    if (inputs[0] === SHIPSHAPE) errors.push(`shipshape needs ${needs} ${UPDATE}.`);
    else if (inputs.length === 1)
      errors.push(`Input "${inputs[0]}" needs ${needs} ${UPDATE} or drop the input.`);
    else errors.push(`Inputs ${names(inputs)} together need ${needs} ${UPDATE} or drop one of them.`);
  }

  const warnings: string[] = [];
  let options = o;
  if (tooOld(ATTESTATIONS)) {
    const asked = attestationInputs(o);
    if (asked.length > 0) {
      const flags = asked.map((input) => ATTESTATION_FLAGS[input]).join(', ');
      const subject = asked.length === 1 ? `Input "${asked[0]}" needs` : `Inputs ${names(asked)} need`;
      warnings.push(
        `${subject} buildx >= ${ATTESTATIONS} (${flags}); ${has}, so the image is built without attestations. ` +
          `${UPDATE} to get them.`,
      );
    }
    if (o.provenance || o.sbom || o.attests.length > 0) {
      options = { ...o, provenance: undefined, sbom: undefined, attests: [] };
    }
  }
  return { errors, warnings, options };
}

const ATTESTATION_FLAGS: Record<string, string> = {
  provenance: '--provenance',
  sbom: '--sbom',
  attests: '--attest',
};

// Asking for none (`provenance: false`) is not asking: dropping it builds what was asked.
function attestationInputs(o: BuildOptions): string[] {
  const on = (value: string | undefined) => !!value && !/^(0|f|F|false|False|FALSE)$/.test(value);
  return [
    ...used(on(o.provenance), 'provenance'),
    ...used(on(o.sbom), 'sbom'),
    ...used(o.attests.length > 0, 'attests'),
  ];
}

/**
 * Before buildx 0.13 a build had one exporter: `--push` could only add push=true to an image
 * (or registry) output, and `--load` only stand for a docker output; 0.13.0 took several
 * `--output`s but still refused `--push` with `--load`, until 0.13.1 made each shorthand an
 * export of its own. The inputs whose shorthand adds an export to another one, if any.
 */
function shorthandExports(o: BuildOptions): string[] {
  const types = o.outputs.map(outputType);
  const pushAlone = o.push && !types.some((t) => t === 'image' || t === 'registry');
  const loadAlone = o.load && !types.includes('docker');
  const count = o.outputs.length + (pushAlone ? 1 : 0) + (loadAlone ? 1 : 0);
  if (count <= 1 || !(pushAlone || loadAlone)) return [];
  return [...used(o.outputs.length > 0, 'outputs'), ...used(pushAlone, 'push'), ...used(loadAlone, 'load')];
}

function used(yes: boolean, input: string): string[] {
  return yes ? [input] : [];
}

function when(input: string, asks: (o: BuildOptions) => boolean): (o: BuildOptions) => string[] {
  return (o) => used(asks(o), input);
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function names(inputs: string[]): string {
  const quoted = inputs.map((input) => `"${input}"`);
  return quoted.length === 1
    ? quoted[0]
    : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * The version in `docker buildx version` output, as plain `MAJOR.MINOR.PATCH`:
 * `github.com/docker/buildx v0.29.1 a2f4b1e` -> `0.29.1`; Debian's `0.29.1+ds1` and Docker
 * Desktop's `v0.13.1-desktop.1` -> their release. Undefined when there is none, or for a
 * development build (`v0.0.0+unknown`), whose features cannot be told from its number.
 */
export function parseBuildxVersion(output: string): string | undefined {
  const lines = output.split(/\r?\n/);
  // The line that names buildx first; a wrapper may print other lines around it.
  const ordered = [...lines.filter((l) => /buildx/i.test(l)), ...lines.filter((l) => !/buildx/i.test(l))];
  for (const line of ordered) {
    for (const token of line.trim().split(/\s+/)) {
      if (!/^v?\d+\.\d+\.\d+([-+]\S*)?$/.test(token)) continue;
      const version = parse(token, { loose: true });
      if (!version) continue;
      if (version.major === 0 && version.minor === 0 && version.patch === 0) return undefined;
      return `${version.major}.${version.minor}.${version.patch}`;
    }
  }
  return undefined;
}
