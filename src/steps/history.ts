/**
 * The size history step (issue 16): read the history kept beside the image (an OCI artifact under
 * `history-tag`, registry/artifact.ts), and after a push that others compare against append this
 * image's record to it, safely:
 *
 *   read the tag (digest d, records R) -> merge R with our record -> upload the blobs ->
 *   HEAD the tag: still d? (else start over from the read) -> PUT the manifest (digest w) ->
 *   wait a moment -> HEAD the tag: still w? done : start over (merging what is there now).
 *
 * Records are keyed by digest + ref, so merging twice adds nothing, and two writers merging the
 * same records write the same bytes. The wait after the PUT must outlast another writer's gap
 * between its last HEAD and its PUT (one manifest PUT): it is three times what our own HEAD and
 * PUT took, from 50 ms to 2 s, not a fixed second.
 *
 * What is under the tag and is not our history (another artifact type, an image, a document that
 * does not parse) is reported and left alone, unless `history: reset` asks to start over. Nothing
 * here fails the step: a history that cannot be read or written is a warning.
 */
import type { Io } from '../io/port.js';
import { connect } from '../registry/connect.js';
import { registryClientsOf } from './registry-clients.js';
import type { ExplicitCredentials } from '../registry/auth.js';
import {
  putArtifactManifest,
  readArtifact,
  tagDigest,
  uploadArtifactBlobs,
  type ArtifactLocation,
} from '../registry/artifact.js';
import { SIZE_HISTORY_ARTIFACT_TYPE } from '../oci/artifact.js';
import { parseReference } from '../oci/reference.js';
import {
  mergeHistories,
  parseHistory,
  recordKey,
  recordOf,
  serializeHistory,
  type HistoryRecord,
} from '../report/history.js';
import type { HistoryInputs } from '../inputs/history.js';
import type { HistoryDecision } from '../compare/history-policy.js';
import { buildTrend } from '../report/trend.js';
import type { SizeReport } from '../report/size-report.js';
import { renderTrend } from '../render/trend.js';
import { failureMessage } from '../util/errors.js';

export interface HistoryTarget {
  /** The image's repository, `localhost:5000/acme/app` (its first image name). */
  repository: string;
  inputs: HistoryInputs;
  insecureRegistries: string[];
  explicitCredentials?: ExplicitCredentials;
}

/** What reading found: the records (none when absent, foreign or unreadable) and how to write after it. */
export interface HistoryState {
  records: HistoryRecord[];
  /** The tag's digest when it was read (found); the write starts from it, checked by a HEAD before the PUT. */
  digest?: string;
  status: 'absent' | 'found' | 'foreign' | 'unreadable';
  location?: ArtifactLocation;
}

const ATTEMPTS = 5;

/** `localhost:5000/acme/app:shipshape-history`. */
export const historyImage = (target: HistoryTarget) =>
  `${parseReference(target.repository).name}:${target.inputs.tag}`;

async function locate(io: Io, target: HistoryTarget): Promise<ArtifactLocation> {
  const image = historyImage(target);
  const connection = await connect(image, {
    input: 'images',
    explicitCredentials: target.explicitCredentials,
    insecureRegistries: target.insecureRegistries,
    env: io.env,
    onSecret: (secret) => io.mask(secret),
    debug: (line) => io.debug(line),
    clients: registryClientsOf(io), // the run's client for this registry: one ping, one token
  });
  return {
    client: connection.client,
    repository: connection.reference.repository,
    tag: target.inputs.tag,
    artifactType: SIZE_HISTORY_ARTIFACT_TYPE,
    image,
  };
}

type Read = { digest?: string; records: HistoryRecord[] } | { digest: string; foreign: string };

async function readOnce(location: ArtifactLocation): Promise<Read> {
  const read = await readArtifact(location);
  if (read.status === 'absent') return { records: [] };
  if (read.status === 'foreign') return { digest: read.digest, foreign: read.reason };
  try {
    return { digest: read.digest, records: parseHistory(read.content.toString('utf8')) };
  } catch (error) {
    return { digest: read.digest, foreign: `its history does not parse: ${(error as Error).message}` };
  }
}

/** Reads the history; never throws (a failure is a warning and an empty history). */
export async function readHistory(io: Io, target: HistoryTarget): Promise<HistoryState> {
  const image = historyImage(target);
  const started = io.now().getTime();
  const took = () => `${((io.now().getTime() - started) / 1000).toFixed(2)} s`;
  try {
    const location = await locate(io, target);
    const read = await readOnce(location);
    if ('foreign' in read) {
      if (target.inputs.mode !== 'reset') io.warning(foreignWarning(image, read.digest, read.foreign));
      return { records: [], status: 'foreign', location };
    }
    io.info(`Size history: ${read.records.length} record(s) in ${image} (read in ${took()}).`);
    return {
      records: read.records,
      status: read.digest ? 'found' : 'absent',
      location,
      ...(read.digest && { digest: read.digest }),
    };
  } catch (error) {
    io.warning(`Size history: could not read ${image}: ${failureMessage(error)}`);
    return { records: [], status: 'unreadable' };
  }
}

function foreignWarning(image: string, digest: string, reason: string): string {
  return (
    `Size history: ${image} (${digest}) is not a shipshape size history (${reason}). ` +
    'It is left untouched: no trend is shown and nothing is appended. Set history-tag to another tag, ' +
    'or history: reset to replace it.'
  );
}

export interface AppendOptions {
  /** Waits (ms); a timer by default. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Appends `record` to the history (state: what readHistory found) and returns the records
 * written, or undefined when nothing was written (a foreign artifact, a failure: warned).
 */
export async function appendHistory(
  io: Io,
  target: HistoryTarget,
  state: HistoryState,
  record: HistoryRecord,
  options: AppendOptions = {},
): Promise<HistoryRecord[] | undefined> {
  const image = historyImage(target);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = options.now ?? Date.now;
  const reset = target.inputs.mode === 'reset';
  const began = now();
  const took = () => `${((now() - began) / 1000).toFixed(2)} s`;
  io.debug('history: appending this push');
  try {
    const location = state.location ?? (await locate(io, target));
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // The first attempt starts from what readHistory found (the HEAD before the PUT checks it
      // still holds); a later one reads the tag again.
      const fresh =
        attempt === 1 && state.location && (state.status === 'found' || state.status === 'absent');
      const read: Read = fresh ? { digest: state.digest, records: state.records } : await readOnce(location);
      // A reset replaces what is there once: after our own write, the tag holds ours.
      let base: HistoryRecord[];
      if ('foreign' in read) {
        if (!reset) {
          io.warning(foreignWarning(image, read.digest, read.foreign));
          return undefined;
        }
        io.info(`Size history: history is "reset": replacing ${image} (${read.digest}: ${read.foreign}).`);
        base = [];
      } else base = reset && attempt === 1 ? [] : read.records;
      const records = mergeHistories([base, [record]], target.inputs.limit);
      const content = Buffer.from(serializeHistory(records));
      if (!('foreign' in read) && read.digest && !reset && sameRecords(read.records, records)) {
        io.info(`Size history: ${image} already has this push's record.`);
        return records;
      }
      const manifest = await uploadArtifactBlobs(location, content);
      const started = now();
      if ((await tagDigest(location)) !== read.digest) {
        io.debug(`history: the tag moved before our write (attempt ${attempt}); reading it again`);
        continue;
      }
      const written = await putArtifactManifest(location, manifest);
      const settle = Math.min(2000, Math.max(50, 3 * (now() - started)));
      await sleep(settle);
      const after = await tagDigest(location);
      if (after === written) {
        io.info(
          `Size history: ${records.length} record(s) written to ${image} (${written}; in ${took()}, ` +
            `${attempt} attempt${attempt === 1 ? '' : 's'}, ${settle} ms settle).`,
        );
        return records;
      }
      io.debug(`history: another write moved the tag after ours (attempt ${attempt}); merging`);
      // The next attempt merges what is there now with our record.
    }
    io.warning(
      `Size history: ${image} kept moving under concurrent writes; this push's record was not added after ${ATTEMPTS} attempts.`,
    );
    return undefined;
  } catch (error) {
    io.warning(`Size history: could not write ${image}: ${failureMessage(error)}`);
    return undefined;
  }
}

function sameRecords(a: readonly HistoryRecord[], b: readonly HistoryRecord[]): boolean {
  return a.length === b.length && a.every((r, i) => recordKey(r) === recordKey(b[i]));
}

/** The history settings of a report: where it is, and what the policy allows (compare/history-policy.ts). */
export interface HistoryStep {
  target: HistoryTarget;
  decision: HistoryDecision;
}

/**
 * Before the report is drawn: reads the history (when allowed), sets the `history` output (the
 * records read, JSON) and gives the trend block of the comment, when the report has a base branch
 * with records.
 */
export async function historyBeforeReport(
  io: Io,
  step: HistoryStep | undefined,
  report: SizeReport,
): Promise<{ state?: HistoryState; trend?: string }> {
  if (!step) return {};
  io.debug(
    `decision: size history: read ${step.decision.read ? 'yes' : 'no'}, write ${step.decision.write ? 'yes' : 'no'} (${step.decision.why})`,
  );
  if (!step.decision.read) return {};
  const state = await readHistory(io, step.target);
  io.setOutput('history', JSON.stringify(state.records));
  const branch = step.decision.trendBranch;
  const trend = branch ? buildTrend(state.records, branch, report) : undefined;
  if (branch && !trend && state.records.length > 0)
    io.infoUntrusted(`Size history: no record of the branch ${branch} yet: no trend.`);
  return { state, trend: trend && renderTrend(trend) };
}

/** After the report is published: appends this push's record, when the policy says so. */
export async function historyAfterReport(
  io: Io,
  step: HistoryStep | undefined,
  state: HistoryState | undefined,
  report: SizeReport,
  push: { commit: string; ref: string },
): Promise<void> {
  if (!step?.decision.write || !state || state.status === 'unreadable') return;
  await appendHistory(io, step.target, state, recordOf(report, { time: io.now(), ...push }));
}
