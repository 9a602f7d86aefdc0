/**
 * Image labels: the OCI annotations registries and scanners read
 * (https://github.com/opencontainers/image-spec/blob/main/annotations.md), then the user's.
 */
import type { GitContext } from './context.js';
import { InputError } from '../util/errors.js';

export interface LabelPlanInput {
  context: GitContext;
  /** The planned version (see planTags); the label is left out when it is ''. */
  version: string;
  now: Date;
  /** Defaults to the repository's name without its owner. */
  title?: string;
  /** `key=value` lines from the `labels` input. */
  userLabels: string[];
}

const OCI = 'org.opencontainers.image';

/**
 * OCI labels first, in a fixed order, then the user's in theirs; a user label with an OCI key
 * replaces the value in place. Empty OCI values are left out rather than set to ''.
 */
export function planLabels(input: LabelPlanInput): Record<string, string> {
  const { context } = input;
  const repoUrl = context.repository ? `${context.serverUrl}/${context.repository}` : '';
  const oci: [string, string][] = [
    [`${OCI}.source`, repoUrl],
    [`${OCI}.url`, repoUrl],
    [`${OCI}.revision`, context.sha],
    [`${OCI}.version`, input.version],
    [`${OCI}.created`, input.now.toISOString()],
    [`${OCI}.title`, input.title ?? context.repository.split('/').pop() ?? ''],
  ];
  const labels: Record<string, string> = {};
  for (const [key, value] of oci) {
    if (value !== '') labels[key] = value;
  }
  for (const [key, value] of parseUserLabels(input.userLabels)) labels[key] = value;
  return labels;
}

/** `key=value`, split at the first `=`: the value may hold more of them, or be empty. */
export function parseUserLabels(lines: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq < 0) throw new InputError('labels', line, 'is not key=value');
    const key = line.slice(0, eq).trim();
    if (key === '') throw new InputError('labels', line, 'has an empty key');
    pairs.push([key, line.slice(eq + 1)]);
  }
  return pairs;
}
