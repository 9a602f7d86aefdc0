/**
 * The report sub-action (`uses: <owner>/shipshape/report@v1`), two jobs:
 *  - measure an image built elsewhere, straight from its registry (or an OCI layout), compare
 *    it with a baseline, and publish the report (log, outputs, job summary, PR comment);
 *  - post a report saved by an earlier, unprivileged run (a fork's PR) as the sticky comment,
 *    from a privileged `workflow_run` workflow: inputs `comment-body(-file)` and `pr-number`.
 */
import { readFile } from 'node:fs/promises';
import * as runner from './runner.js';
import { InputError } from './errors.js';
import { parseList } from './util/list.js';
import { readBoolean } from './inputs.js';
import { readGitContext } from './context.js';
import { measureAgainstBaseline } from './measure/against-baseline.js';
import { sizeTable } from './report/table.js';
import { totalCompressedDelta } from './report/size-report.js';
import { renderReport } from './report/markdown.js';
import { COMMENT_MODES, type CommentMode } from './github/comment.js';
import { publishComment } from './github/publish.js';

async function run(): Promise<void> {
  const password = runner.getInput('password');
  runner.addMask(password);
  runner.addMask(runner.getInput('github-token'));
  try {
    const context = readGitContext();
    const prNumber = readPrNumber(runner.getInput('pr-number')) ?? context.pullRequest?.number;
    const saved = await savedBody();
    const comment = {
      token: runner.getInput('github-token'),
      repository: context.repository,
      mode: readCommentMode(runner.getInput('comment')),
      minChange: 0,
    };
    if (saved !== undefined) {
      if (prNumber === undefined) {
        throw new InputError(
          'pr-number',
          '',
          'is needed to post a saved comment body outside a pull_request event',
        );
      }
      const key = runner.getInput('comment-key') || markerKey(saved) || 'default';
      runner.setOutput('comment-body', saved);
      await publishComment({ ...comment, mode: 'always', issueNumber: prNumber, key }, saved, null);
      return;
    }

    const image = runner.getInput('image');
    if (!image) throw new InputError('image', '', 'is required: the reference of the image to measure');
    const report = await measureAgainstBaseline(image, runner.getInput('baseline') || undefined, {
      platforms: parseList(runner.getInput('platforms')),
      analyzeLayers: readBoolean(runner.getInput, 'analyze-layers', true),
      username: runner.getInput('username') || undefined,
      password: password || undefined,
      insecureRegistries: parseList(runner.getInput('insecure-registries')),
      env: process.env,
      onSecret: runner.addMask,
      log: runner.info,
    });
    const key = runner.getInput('comment-key') || image.replace(/[:@].*$/, '');
    const markdown = renderReport(report, { key });
    runner.info(sizeTable(report));
    runner.setOutput('size-report', JSON.stringify(report));
    runner.setOutput('comment-body', markdown);
    runner.appendSummary(markdown);
    if (prNumber !== undefined) {
      await publishComment(
        { ...comment, issueNumber: prNumber, key },
        markdown,
        totalCompressedDelta(report),
      );
    }
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
  }
}

async function savedBody(): Promise<string | undefined> {
  const body = runner.getInput('comment-body');
  const file = runner.getInput('comment-body-file');
  if (body && file)
    throw new InputError('comment-body-file', file, 'and "comment-body" are both set: give one');
  if (body) return body;
  if (!file) return undefined;
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError('comment-body-file', file, `cannot be read: ${(error as Error).message}`);
  }
}

function readPrNumber(value: string): number | undefined {
  if (value === '') return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(value))
    throw new InputError('pr-number', value, 'is not a pull request number');
  return Number(value);
}

function readCommentMode(value: string): CommentMode {
  if (value === '') return 'auto';
  if ((COMMENT_MODES as readonly string[]).includes(value)) return value as CommentMode;
  throw new InputError('comment', value, `must be one of ${COMMENT_MODES.join(', ')}`);
}

// The key the saved body was rendered with (the marker holds it percent-encoded), so that the
// update finds the same comment.
function markerKey(body: string): string | undefined {
  const encoded = /<!-- shipshape:(.*?) -->\s*$/.exec(body)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

await run();
