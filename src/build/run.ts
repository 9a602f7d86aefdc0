/**
 * The one adapter that runs docker: argv arrays through @actions/exec, never a shell string.
 */
import { exec, getExecOutput } from '@actions/exec';

export interface BuildRun {
  exitCode: number;
  /** The lines buildx printed as `ERROR: ...` (its own summary of what failed). */
  errors: string[];
}

/** Runs `docker <args>`, streaming its output to the log. */
export async function runDocker(args: string[], env?: Record<string, string>): Promise<BuildRun> {
  let tail = '';
  const exitCode = await exec('docker', args, {
    ignoreReturnCode: true,
    env: env ? { ...(process.env as Record<string, string>), ...env } : undefined,
    listeners: {
      // Keep only the end of stderr: a build log can be large, the error is at the end.
      stderr: (data: Buffer) => {
        tail = (tail + data.toString('utf8')).slice(-64 * 1024);
      },
    },
  });
  const errors = tail
    .split(/\r?\n/)
    .filter((line) => /^ERROR:|^error:/.test(line))
    .map((line) => line.replace(/^(ERROR|error):\s*/, ''));
  return { exitCode, errors };
}

/** `docker buildx version`, or undefined when buildx is missing. */
export async function buildxVersionOutput(): Promise<string | undefined> {
  const out = await getExecOutput('docker', ['buildx', 'version'], { ignoreReturnCode: true, silent: true });
  return out.exitCode === 0 ? out.stdout.trim() : undefined;
}

/** Whether the engine stores images in containerd (needed to load a multi-platform image). */
export async function engineHasContainerdStore(): Promise<boolean | undefined> {
  const out = await getExecOutput('docker', ['info', '--format', '{{json .DriverStatus}}'], {
    ignoreReturnCode: true,
    silent: true,
  });
  if (out.exitCode !== 0) return undefined;
  return out.stdout.includes('io.containerd.snapshotter');
}
