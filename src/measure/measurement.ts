import type { MergedTree } from '../image/merged.js';
import type { DeclaredBase } from '../image/model.js';
/**
 * An image's measured figures, per platform and per layer. `null` where a figure was not
 * measured (manifests only: `analyze-layers: false`).
 */
export interface LayerMeasurement {
  digest: string;
  compressed: number;
  uncompressed: number | null;
  files: number | null;
  createdBy?: string;
  /** The layer's content without file times (image/layers.ts); absent without a layer scan. */
  contentDigest?: string;
}

export interface PlatformMeasurement {
  platform: string;
  manifestDigest: string;
  /** Sum of layer descriptor sizes (config excluded). */
  compressed: number;
  /** Sum of regular file sizes in the layer tars (hard links 0). */
  uncompressed: number | null;
  /** Bytes of lower-layer files the final filesystem cannot see, each hidden copy once. */
  wasted: number | null;
  layers: LayerMeasurement[];
  /** Bytes per path of the merged filesystem (image/merged.ts); absent without layer scans. */
  tree?: MergedTree;
  /** The base image the image names in an annotation or label (image/load.ts), when it does. */
  declaredBase?: DeclaredBase;
}

export interface ImageMeasurement {
  ref: string;
  digest: string;
  platforms: PlatformMeasurement[];
}
