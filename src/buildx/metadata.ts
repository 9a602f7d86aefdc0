/**
 * What buildx reports about the image it built: `--metadata-file` and `--iidfile`.
 */
import { readFile } from 'node:fs/promises';
import { parseJsonText } from '../util/json.js';

export interface BuildResult {
  /** The image id (`--iidfile`): the config digest, or the index digest for a multi-platform image. */
  imageId: string;
  /** The pushed or exported manifest (or index) digest, when buildx produced one. */
  digest: string;
  /**
   * The metadata file's JSON, as build-push-action's `metadata` output, with the values of build
   * args hidden (its provenance lists them: `"build-arg:TOKEN": "***"`).
   */
  metadata: string;
}

/** `file` names the metadata file in an error; its text is never quoted (util/json.ts). */
export function parseBuildResult(
  metadataJson: string,
  iid: string,
  file = "buildx's metadata file",
): BuildResult {
  let digest = '';
  let metadata = metadataJson.trim();
  if (metadata !== '') {
    const parsed = parseJsonText(metadata, file);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${file} is not a JSON object`);
    }
    const value = (parsed as Record<string, unknown>)['containerimage.digest'];
    if (typeof value === 'string') digest = value;
    metadata = JSON.stringify(hideBuildArgs(parsed));
  }
  return { imageId: iid.trim(), digest, metadata };
}

export async function readBuildResult(metadataFile: string, iidFile: string): Promise<BuildResult> {
  const read = (file: string) => readFile(file, 'utf8').catch(() => '');
  const [metadata, iid] = await Promise.all([read(metadataFile), read(iidFile)]);
  return parseBuildResult(metadata, iid, `buildx's metadata file ${metadataFile}`);
}

// Provenance (min and max) records `build-arg:NAME` keys with their values, wherever it nests them.
function hideBuildArgs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hideBuildArgs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key.startsWith('build-arg:') ? '***' : hideBuildArgs(v)]),
  );
}
