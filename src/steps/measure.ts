/**
 * The size report of an image, compared with a baseline image: the step the main action runs
 * after a push and the report action runs on its inputs. Images are read from their registry,
 * or from an OCI layout on disk (`oci-layout://PATH`, a directory or a tar, as
 * `buildx --output type=oci` writes) for an image that was not pushed.
 */
import type { Io } from '../io/port.js';
import type { ExplicitCredentials } from '../registry/auth.js';
import { connect } from '../registry/connect.js';
import { openOciLayout } from '../image/oci-layout.js';
import { ociLayoutPath } from '../oci/reference.js';
import type { ImageSource } from '../oci/source.js';
import { isNotFound } from '../registry/errors.js';
import { InputError } from '../util/errors.js';
import { baselineNote, judgeBaseline, type BaselineFailure } from '../compare/baseline-policy.js';
import { type SizeReport } from '../report/size-report.js';
import { LayerScans, measureImage, type ScannedPlatform } from '../measure/measure.js';
import type { ImageMeasurement } from '../measure/measurement.js';
import type { BaselineOutcome } from '../report/baseline.js';
import { buildSizeReport } from '../compare/delta.js';
import { progressFromEnv, type ReadProgress } from './read-progress.js';
import type { RegistryClients } from '../registry/clients.js';
import { registryClientsOf } from './registry-clients.js';

/**
 * What measuring says and hands over, through the Io: the environment (Docker's config, helpers),
 * every credential to mask, notes (refs and reasons from branch names and registries: shown,
 * never obeyed), warnings and the debug log of registry requests.
 */
export function measurePorts(
  io: Io,
): Pick<RegistryMeasureOptions, 'env' | 'onSecret' | 'log' | 'warn' | 'debug' | 'startProgress' | 'clients'> {
  return {
    clients: registryClientsOf(io),
    env: io.env,
    startProgress: () =>
      progressFromEnv(
        io.env,
        (line) => io.info(line),
        () => io.now().getTime(),
      ),
    onSecret: (secret) => io.mask(secret),
    log: (line) => io.infoUntrusted(line),
    warn: (line) => io.warning(line),
    debug: (line) => io.debug(line),
  };
}

export interface RegistryMeasureOptions {
  platforms: string[];
  analyzeLayers: boolean;
  /** The action's own credentials, bound to the registry they were given for (the image's). */
  explicitCredentials?: ExplicitCredentials;
  insecureRegistries: string[];
  /** For Docker's config (DOCKER_CONFIG, HOME) and credential helpers (PATH). */
  env: Record<string, string | undefined>;
  onSecret: (value: string) => void;
  /** Notes for the log (no baseline yet): text from refs, to be shown, not obeyed. */
  log: (line: string) => void;
  /** Warnings (a baseline that could not be read); `log` when absent. */
  warn?: (line: string) => void;
  /** The debug log: every registry request (method, URL without query, status). */
  debug?: (line: string) => void;
  /** Progress lines while layers stream, and the time of each phase at the end (read-progress.ts). */
  startProgress?: () => ReadProgress | undefined;
  /** The run's registry clients (steps/registry-clients.ts); a client per connect when absent. */
  clients?: RegistryClients;
}

/**
 * What a report compares with: a reference to read after the image, what is already known of
 * it (lookUpBaseline read it before the build: absent, or unavailable), or nothing at all.
 */
export type BaselineInput = string | BaselineOutcome | undefined;

export async function measureAgainstBaseline(
  image: string,
  baseline: BaselineInput,
  options: RegistryMeasureOptions,
): Promise<SizeReport> {
  return (await measureWithScans(image, baseline, options)).report;
}

/**
 * The report, and the image's scanned layers per platform (for advice: nothing is scanned twice).
 * The image must be read, or this throws; the baseline follows the baseline policy: whatever
 * goes wrong with it, the report is made without it, and the log says why.
 */
export async function measureWithScans(
  image: string,
  baseline: BaselineInput,
  options: RegistryMeasureOptions,
): Promise<{
  report: SizeReport;
  scanned: ScannedPlatform[];
  measurements: { image: ImageMeasurement; baseline: ImageMeasurement | null };
}> {
  const scans = new LayerScans();
  const progress = options.analyzeLayers ? options.startProgress?.() : undefined;
  const { measurement: measured, scanned } = await measureReference(image, 'image', options, scans, progress);
  let base: ImageMeasurement | null = null;
  let outcome = typeof baseline === 'object' ? baseline : undefined;
  if (typeof baseline === 'string') {
    // A baseline is measured on the image's platforms, whatever else it has.
    const read = await readBaseline(
      baseline,
      options,
      scans,
      measured.platforms.map((p) => p.platform),
      progress,
    );
    if ('outcome' in read) {
      outcome = read.outcome;
      noteBaseline(outcome, options);
    } else base = read.measurement;
  }
  progress?.finish();
  return {
    report: buildSizeReport(measured, base, outcome),
    scanned,
    measurements: { image: measured, baseline: base },
  };
}

/**
 * Reads the baseline `ref` (its manifests and configs; its layers too with `analyzeLayers`),
 * never throwing: its measurement, or the outcome the baseline policy gives what went wrong.
 */
export async function readBaseline(
  ref: string,
  options: RegistryMeasureOptions & { input?: string },
  scans?: LayerScans,
  onlyPlatforms?: string[],
  progress?: ReadProgress,
): Promise<{ measurement: ImageMeasurement } | { outcome: BaselineOutcome }> {
  const failure: Omit<BaselineFailure, 'error'> = {};
  try {
    const { source, reference } = await openSource(ref, options.input ?? 'baseline', options);
    const { measurement } = await measureImage(watchMissing(source, reference, failure), reference, {
      platforms: [],
      onlyPlatforms,
      analyzeLayers: options.analyzeLayers,
      scans,
      progress,
      phasePrefix: 'baseline ',
    });
    return { measurement: { ...measurement, ref } };
  } catch (error) {
    // A reference that does not parse is the user's to fix, named by its input, not a baseline problem.
    if (error instanceof InputError) throw error;
    return { outcome: judgeBaseline(ref, { error, ...failure }) };
  }
}

/** The outcome in the log: an info line for no baseline yet, a warning for one that failed. */
export function noteBaseline(
  outcome: BaselineOutcome,
  options: Pick<RegistryMeasureOptions, 'log' | 'warn'>,
): void {
  const note = baselineNote(outcome);
  (note.level === 'warning' ? (options.warn ?? options.log) : options.log)(note.message);
}

/**
 * `source`, noting in `failure` what a "not found" was about: the baseline's own tag (it does not
 * exist: no baseline yet), or a manifest or blob under a tag that resolves (a broken baseline).
 */
function watchMissing(
  source: ImageSource,
  top: string,
  failure: Omit<BaselineFailure, 'error'>,
): ImageSource {
  const noting = <T>(what: string, fetch: Promise<T>): Promise<T> =>
    fetch.catch((error: unknown) => {
      if (isNotFound(error)) {
        // A digest that is gone is no tag that was never pushed.
        if (what === `manifest ${top}` && !top.includes(':')) failure.tagMissing = true;
        else failure.missing ??= what;
      }
      throw error;
    });
  return {
    name: source.name,
    manifest: (reference) => noting(`manifest ${reference}`, source.manifest(reference)),
    blob: (digest) => noting(`blob ${digest}`, source.blob(digest)),
    blobStream: (digest, size) => noting(`blob ${digest}`, source.blobStream(digest, size)),
    ...(source.mayReadAgain && { mayReadAgain: (attempt: number) => source.mayReadAgain!(attempt) }),
  };
}

async function measureReference(
  ref: string,
  input: string,
  options: RegistryMeasureOptions,
  scans: LayerScans,
  progress?: ReadProgress,
): Promise<{ measurement: ImageMeasurement; scanned: ScannedPlatform[] }> {
  const { source, reference } = await openSource(ref, input, options);
  const { measurement, scanned } = await measureImage(source, reference, {
    platforms: options.platforms,
    analyzeLayers: options.analyzeLayers,
    scans,
    progress,
  });
  return { measurement: { ...measurement, ref }, scanned };
}

async function openSource(
  ref: string,
  input: string,
  options: RegistryMeasureOptions,
): Promise<{ source: ImageSource; reference: string }> {
  const layout = ociLayoutPath(ref);
  if (layout !== undefined) {
    return { source: await openOciLayout(layout), reference: '' };
  }
  const connection = await connect(ref, {
    input,
    explicitCredentials: options.explicitCredentials,
    insecureRegistries: options.insecureRegistries,
    env: options.env,
    onSecret: options.onSecret,
    debug: options.debug,
    clients: options.clients,
  });
  return { source: connection.source, reference: connection.manifestReference };
}
