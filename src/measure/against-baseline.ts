/**
 * The size report of an image, compared with a baseline image: the step the main action runs
 * after a push and the report action runs on its inputs. Images are read from their registry,
 * or from an OCI layout on disk (`oci-layout://PATH`, a directory or a tar, as
 * `buildx --output type=oci` writes) for an image that was not pushed.
 */
import type { ExplicitCredentials } from '../registry/auth.js';
import { connect } from '../registry/connect.js';
import { openOciLayout } from '../image/oci-layout.js';
import type { ImageSource } from '../image/source.js';
import { isNotFound } from '../registry/errors.js';
import { buildSizeReport, type SizeReport } from '../report/size-report.js';
import { LayerScans, measureImage, type ScannedPlatform } from './measure.js';
import type { ImageMeasurement } from './measurement.js';

export interface RegistryMeasureOptions {
  platforms: string[];
  analyzeLayers: boolean;
  /** The action's own credentials, bound to the registry they were given for (the image's). */
  explicitCredentials?: ExplicitCredentials;
  insecureRegistries: string[];
  /** For Docker's config (DOCKER_CONFIG, HOME) and credential helpers (PATH). */
  env: Record<string, string | undefined>;
  onSecret: (value: string) => void;
  /** Notes for the log (a missing baseline). */
  log: (line: string) => void;
}

export async function measureAgainstBaseline(
  image: string,
  baseline: string | undefined,
  options: RegistryMeasureOptions,
): Promise<SizeReport> {
  return (await measureWithScans(image, baseline, options)).report;
}

/** The report, and the image's scanned layers per platform (for advice: nothing is scanned twice). */
export async function measureWithScans(
  image: string,
  baseline: string | undefined,
  options: RegistryMeasureOptions,
): Promise<{ report: SizeReport; scanned: ScannedPlatform[] }> {
  const scans = new LayerScans();
  const { measurement: measured, scanned } = await measureReference(image, 'image', options, scans);
  let base: ImageMeasurement | null = null;
  if (baseline) {
    try {
      ({ measurement: base } = await measureReference(
        baseline,
        'baseline',
        options,
        scans,
        measured.platforms.map((p) => p.platform),
      ));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      options.log(`no baseline yet: ${baseline} does not exist`);
    }
  }
  return { report: buildSizeReport(measured, base), scanned };
}

async function measureReference(
  ref: string,
  input: string,
  options: RegistryMeasureOptions,
  scans: LayerScans,
  onlyPlatforms?: string[],
): Promise<{ measurement: ImageMeasurement; scanned: ScannedPlatform[] }> {
  const { source, reference } = await openSource(ref, input, options);
  const { measurement, scanned } = await measureImage(source, reference, {
    // A baseline is measured on the image's platforms, whatever else it has.
    platforms: onlyPlatforms ? [] : options.platforms,
    onlyPlatforms,
    analyzeLayers: options.analyzeLayers,
    scans,
  });
  return { measurement: { ...measurement, ref }, scanned };
}

export const OCI_LAYOUT_PREFIX = 'oci-layout://';

async function openSource(
  ref: string,
  input: string,
  options: RegistryMeasureOptions,
): Promise<{ source: ImageSource; reference: string }> {
  if (ref.startsWith(OCI_LAYOUT_PREFIX)) {
    return { source: await openOciLayout(ref.slice(OCI_LAYOUT_PREFIX.length)), reference: '' };
  }
  const connection = await connect(ref, {
    input,
    explicitCredentials: options.explicitCredentials,
    insecureRegistries: options.insecureRegistries,
    env: options.env,
    onSecret: options.onSecret,
  });
  return { source: connection.source, reference: connection.manifestReference };
}
