/**
 * The metadata outputs, in docker/metadata-action's words and shapes, so that a workflow that
 * read its step's outputs (or its DOCKER_METADATA_OUTPUT_* variables) reads ours unchanged:
 * `version`, `tags`, `tag-names`, `labels`, `annotations` and `json`, the lists joined with the
 * `sep-*` inputs.
 */
import { InputError } from '../util/errors.js';

export interface Separators {
  tags: string;
  labels: string;
  annotations: string;
}

export const DEFAULT_SEPARATORS: Readonly<Separators> = { tags: '\n', labels: '\n', annotations: '\n' };

export interface MetadataInput {
  version: string;
  /** Full references. */
  tags: string[];
  tagNames: string[];
  labels: Record<string, string>;
  /** The OCI labels only, which metadata-action also gives as annotations. */
  ociLabels: Record<string, string>;
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS: `manifest` unless set (`manifest,index`). */
  annotationLevels: string[];
  separators: Separators;
}

/** Output name -> value, in the order metadata-action sets them. */
export type MetadataOutputs = [name: string, value: string][];

const SEPARATOR_INPUTS: Readonly<Record<keyof Separators, string>> = {
  tags: 'sep-tags',
  labels: 'sep-labels',
  annotations: 'sep-annotations',
};

/**
 * The outputs. A separator that occurs inside one of the items it joins would make the list
 * impossible to split back: an InputError naming the `sep-*` input and the item.
 */
export function metadataOutputs(input: MetadataInput): MetadataOutputs {
  // Sorted by key, as metadata-action lists them (the image's labels keep their order).
  const sortedLabels = byKey(input.labels);
  const labels = sortedLabels.map(([key, value]) => `${key}=${value}`);
  const annotations = input.annotationLevels.flatMap((level) =>
    byKey(input.ociLabels).map(([key, value]) => `${level}:${key}=${value}`),
  );
  const join = (kind: keyof Separators, items: string[]) => {
    const separator = input.separators[kind];
    const holder = items.find((item) => item.includes(separator));
    if (holder !== undefined) {
      throw new InputError(
        SEPARATOR_INPUTS[kind],
        separator,
        `occurs in ${JSON.stringify(holder)}, so the ${kind} output could not be split back: choose a separator none of them holds`,
      );
    }
    return items.join(separator);
  };
  const json = {
    tags: input.tags,
    'tag-names': input.tagNames,
    labels: Object.fromEntries(sortedLabels),
    annotations,
  };
  return [
    ['version', input.version],
    ['tags', join('tags', input.tags)],
    ['tag-names', join('tags', input.tagNames)],
    ['labels', join('labels', labels)],
    ['annotations', join('annotations', annotations)],
    ['json', JSON.stringify(json)],
  ];
}

function byKey(record: Record<string, string>): [string, string][] {
  return Object.entries(record).sort(([a], [b]) => compareKeys(a, b));
}

// Keys of lower-case letters, digits, dots and hyphens (every label we make, most users') sort
// the same by code point as by localeCompare, whose first call costs ~15 ms of start-up (ICU).
const PLAIN_KEY = /^[a-z0-9.-]*$/;

/** localeCompare's order, without its start-up cost where the two agree. */
export function compareKeys(a: string, b: string): number {
  if (PLAIN_KEY.test(a) && PLAIN_KEY.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** `tag-names` -> `DOCKER_METADATA_OUTPUT_TAG_NAMES`, as metadata-action names its variables. */
export function metadataVariable(output: string): string {
  return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`;
}

/** DOCKER_METADATA_ANNOTATIONS_LEVELS as metadata-action reads it (comma separated, default manifest). */
export function annotationLevels(value: string | undefined): string[] {
  return (value || 'manifest').split(',');
}

/** DOCKER_METADATA_SET_OUTPUT_ENV: the variables are set unless it says false. */
export function exportsVariables(value: string | undefined): boolean {
  return !value || !/^(false|0|f)$/i.test(value.trim());
}
