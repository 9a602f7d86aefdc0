/**
 * Finds and reads the Dockerfile that made the image, for advice: the `file` input, or
 * `<context>/Dockerfile` of a local context. Names it relative to the workspace (the repository
 * checkout), which is how GitHub annotations name files: `app/docker/Dockerfile`, not
 * `/home/runner/work/app/app/app/docker/Dockerfile` nor `docker/Dockerfile` relative to a context.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isRemoteContext } from '../buildx/flag-paths.js';

export interface DockerfileLocation {
  /** The build context as given (`.`, `app`, a Git URL). */
  context: string;
  /** The `file` input, when given. */
  file?: string;
  /** Where relative paths start: the step's working directory. */
  cwd: string;
  /** GITHUB_WORKSPACE: what annotation paths are relative to. */
  workspace: string;
}

export type DockerfileSource =
  | {
      found: true;
      text: string;
      /** Relative to the workspace with `/`, for annotations and the report. */
      file: string;
      /** false when the file lies outside the workspace: annotations cannot point at it. */
      inWorkspace: boolean;
    }
  | { found: false; reason: string };

// A Dockerfile is a few kB; a huge file is not one worth parsing for advice.
const MAX_DOCKERFILE_BYTES = 1_000_000;

export async function readDockerfileSource(where: DockerfileLocation): Promise<DockerfileSource> {
  if (isRemoteContext(where.context)) {
    return {
      found: false,
      reason: 'the build context is remote (Git or URL), so its Dockerfile is not on disk',
    };
  }
  if (where.file === '-') return { found: false, reason: 'the Dockerfile came from stdin (file: -)' };
  // A template, not resolve(context, 'Dockerfile'): ncc would take that for an asset to bundle.
  const path = where.file
    ? resolve(where.cwd, where.file)
    : `${resolve(where.cwd, where.context)}/Dockerfile`;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { found: false, reason: `${path} is not a file` };
    size = info.size;
  } catch (error) {
    return { found: false, reason: `${path} cannot be read (${(error as NodeJS.ErrnoException).code})` };
  }
  if (size > MAX_DOCKERFILE_BYTES) {
    return { found: false, reason: `${path} is ${size} bytes, too large to be read as a Dockerfile` };
  }
  const text = await readFile(path, 'utf8');
  const fromWorkspace = relative(resolve(where.workspace), path);
  const inWorkspace =
    fromWorkspace !== '' &&
    fromWorkspace !== '..' &&
    !fromWorkspace.startsWith(`..${sep}`) &&
    !isAbsolute(fromWorkspace);
  const file = (inWorkspace ? fromWorkspace : path).split(sep).join('/');
  return { found: true, text, file, inWorkspace };
}
