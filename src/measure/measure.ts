/**
 * Measures an image from its source (a registry repository or an OCI layout): the manifests
 * give compressed sizes; streaming each layer blob once gives uncompressed sizes, file counts
 * and wasted bytes. A layer shared by platforms, or with the baseline, is scanned once.
 */
import { PassThrough, pipeline, type Readable } from 'node:stream';
import type { ImageSource } from '../oci/source.js';
import type { Image, Layer } from '../image/model.js';
import type { LayerScan } from '../image/layers.js';
import type { Waste } from '../image/wasted.js';
import { limiter } from '../util/pool.js';
import { isCorruptAnswer, isRegistryError, withNote } from '../registry/errors.js';
import type { ImageMeasurement, PlatformMeasurement } from './measurement.js';
import { loadImage } from '../image/load.js';
import { keepYoungGenerationSmall } from './young-generation.js';

export interface MeasureOptions {
  /** Only these platforms (`linux/amd64`); all when empty; an error when none matches. */
  platforms?: string[];
  /** Measure only the platforms of this list that the image has (a baseline: those of the image). */
  onlyPlatforms?: string[];
  /** false: manifests only (compressed sizes), no blob is read. */
  analyzeLayers: boolean;
  /** Layer scans by digest, shared between the image and its baseline. */
  scans?: LayerScans;
  /** Told the phases (manifests, layers) and the bytes of each layer as they stream. */
  progress?: ScanProgress;
  /** Before the phase names: `baseline ` for a baseline. */
  phasePrefix?: string;
}

/** Where the time of a read goes: steps/read-progress.ts is one (a log line every few seconds). */
export interface ScanProgress {
  /** Starts a phase, ending the one before; the returned function ends it. */
  phase(name: string): () => void;
  layer(info: { platform: string; index: number; count: number; size: number }): {
    read(bytes: number): void;
    done(): void;
  };
}

/** Which layer of which platform a scan is, for progress lines. */
export interface LayerPlace {
  platform: string;
  index: number;
  count: number;
}

export interface MeasuredImage {
  measurement: ImageMeasurement;
  image: Image;
  /** Per measured platform, its layers with their scans: what the size advisor reads. Empty without analyzeLayers. */
  scanned: ScannedPlatform[];
}

/** A layer with its scan, in image order (bottom = 0). */
export interface ScannedLayer {
  digest: string;
  compressed: number;
  createdBy?: string;
  scan: LayerScan;
}

/** One platform's scanned layers and their cross-layer waste, kept so advice needs no second scan. */
export interface ScannedPlatform {
  platform: string;
  layers: ScannedLayer[];
  waste: Waste;
}

/** Scans by layer digest, each started once; the limit bounds the blobs streamed at once. */
export class LayerScans {
  private readonly scans = new Map<string, Promise<LayerScan>>();
  private readonly limit: ReturnType<typeof limiter>;

  constructor(concurrency = 3) {
    this.limit = limiter(concurrency);
  }

  scan(
    source: ImageSource,
    layer: Layer,
    progress?: { tracker: ScanProgress; place: LayerPlace },
  ): Promise<LayerScan> {
    let scan = this.scans.get(layer.digest);
    if (!scan) {
      scan = this.limit(async () => {
        // Tracked from when its bytes start to flow, not while it waits for a turn.
        const tracker = progress?.tracker.layer({ ...progress.place, size: layer.compressed });
        try {
          return await scanReadAgain(source, layer, tracker);
        } finally {
          tracker?.done();
        }
      });
      this.scans.set(layer.digest, scan);
    }
    return scan;
  }
}

/**
 * The tar reader and the merged tree, loaded when layers are read: a run with analyze-layers
 * false (manifests only) does not load or compile them, nor caps the young generation.
 */
async function layerAnalysis() {
  const [{ scanLayer }, { mergeLayers }] = await Promise.all([
    import('../image/layers.js'),
    import('../image/merged.js'),
  ]);
  keepYoungGenerationSmall();
  return { scanLayer, mergeLayers };
}

/**
 * The scan of a layer, started over on a fresh stream when its bytes came back wrong: a digest
 * mismatch, or bytes that would not decode (a flipped byte breaks gzip before the digest is
 * checked), as long as the source says reading again may help.
 */
async function scanReadAgain(
  source: ImageSource,
  layer: Layer,
  tracker?: { read(bytes: number): void },
): Promise<LayerScan> {
  for (let attempt = 1; ; attempt++) {
    try {
      const blob = await source.blobStream(layer.digest, layer.compressed);
      const { scanLayer } = await layerAnalysis();
      return await scanLayer(tracker ? counted(blob, tracker) : blob, { mediaType: layer.mediaType });
    } catch (error) {
      // Other registry errors had their retries in the transport.
      const wrongBytes = !isRegistryError(error) || isCorruptAnswer(error);
      if (!wrongBytes || !source.mayReadAgain || !(await source.mayReadAgain(attempt))) {
        throw namedScanError(error, source, layer, attempt);
      }
    }
  }
}

/** `blob`, its chunks counted as they pass; its error passed on as it came (the same object). */
function counted(blob: Readable, tracker: { read(bytes: number): void }): Readable {
  const counter = new PassThrough({
    transform(chunk: Buffer, _encoding, callback) {
      tracker.read(chunk.length);
      callback(null, chunk);
    },
  });
  pipeline(blob, counter, () => {});
  return counter;
}

// A decoder's or the tar parser's words do not say which layer of which image they are about.
function namedScanError(error: unknown, source: ImageSource, layer: Layer, attempts: number): unknown {
  const tries = attempts > 1 ? ` (read ${attempts} times, wrong each time)` : '';
  if (isRegistryError(error)) return tries ? withNote(error, tries) : error;
  // Duck-typed: zlib's errors come from another realm under jest.
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || message.includes(layer.digest)) return error;
  return new Error(`${source.name}: layer ${layer.digest} cannot be read: ${message}${tries}`, {
    cause: error,
  });
}

export async function measureImage(
  source: ImageSource,
  reference: string,
  options: MeasureOptions,
): Promise<MeasuredImage> {
  const prefix = options.phasePrefix ?? '';
  const endManifests = options.progress?.phase(`${prefix}manifests`);
  const image = await loadImage(source, reference, { platforms: options.platforms });
  endManifests?.();
  const endLayers = options.analyzeLayers ? options.progress?.phase(`${prefix}layers`) : undefined;
  const scans = options.scans ?? new LayerScans();
  const wanted = options.onlyPlatforms && new Set(options.onlyPlatforms);
  const scanned: ScannedPlatform[] = [];
  const platforms = await Promise.all(
    image.platforms
      .filter((p) => !wanted || wanted.has(p.platform))
      .map(async (p): Promise<PlatformMeasurement> => {
        const base = {
          platform: p.platform,
          manifestDigest: p.manifestDigest,
          compressed: p.compressed,
          ...(p.declaredBase && { declaredBase: p.declaredBase }),
        };
        if (!options.analyzeLayers) {
          return {
            ...base,
            uncompressed: null,
            wasted: null,
            layers: p.layers.map((l) => ({ ...layerBase(l), uncompressed: null, files: null })),
          };
        }
        const count = p.layers.length;
        const tracker = options.progress;
        const layerScans = await Promise.all(
          p.layers.map((l, i) =>
            scans.scan(
              source,
              l,
              tracker && { tracker, place: { platform: p.platform, index: i + 1, count } },
            ),
          ),
        );
        const { waste, tree } = (await layerAnalysis()).mergeLayers(layerScans);
        scanned.push({
          platform: p.platform,
          layers: p.layers.map((l, i) => ({ ...layerBase(l), scan: layerScans[i] })),
          waste,
        });
        return {
          ...base,
          uncompressed: layerScans.reduce((sum, s) => sum + s.uncompressed, 0),
          wasted: waste.total,
          tree,
          layers: p.layers.map((l, i) => ({
            ...layerBase(l),
            uncompressed: layerScans[i].uncompressed,
            files: layerScans[i].files,
            contentDigest: layerScans[i].contentDigest,
          })),
        };
      }),
  );
  endLayers?.();
  // In the image's platform order, whichever scan finished first.
  const order = platforms.map((p) => p.platform);
  scanned.sort((a, b) => order.indexOf(a.platform) - order.indexOf(b.platform));
  return { image, measurement: { ref: image.ref, digest: image.digest, platforms }, scanned };
}

function layerBase(l: Layer) {
  return { digest: l.digest, compressed: l.compressed, createdBy: l.createdBy };
}
