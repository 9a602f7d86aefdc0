/**
 * The one adapter that runs docker: argv arrays through @actions/exec, never a shell string.
 */
import { exec, getExecOutput } from '@actions/exec';
import { Writable } from 'node:stream';

export interface BuildRun {
  exitCode: number;
  /** The lines buildx printed as `ERROR: ...` (its own summary of what failed). */
  errors: string[];
}

/**
 * Runs `docker <args>`, streaming its output to the log; `onLine` sees each stderr line (the
 * progress). `redact` rewrites what is printed, the command line included (a build arg whose value
 * is a masked secret): the runner masks the log too, this keeps it out of the raw output as well.
 * `onStarted` is called once docker has been started, for work that can run beside it.
 */
export async function runDocker(
  args: string[],
  onLine?: (line: string) => void,
  redact: (text: string) => string = (text) => text,
  onStarted?: () => void,
): Promise<BuildRun> {
  let tail = '';
  // exec prints the command line and spawns in the same turn (after resolving `docker` on the
  // PATH, which yields): the turn after the first thing printed, docker is running. Started
  // earlier, other work would run first and delay the spawn.
  let started = onStarted;
  const whenStarted = () => {
    if (started) setImmediate(started);
    started = undefined;
  };
  const exitCode = await exec('docker', args, {
    ignoreReturnCode: true,
    outStream: redacting(process.stdout, redact, whenStarted),
    errStream: redacting(process.stderr, redact, whenStarted),
    listeners: {
      // Keep only the end of stderr: a build log can be large, the error is at the end.
      stderr: (data: Buffer) => {
        tail = (tail + data.toString('utf8')).slice(-64 * 1024);
      },
      errline: (line: string) => onLine?.(line),
    },
  });
  return { exitCode, errors: errorLines(tail) };
}

/**
 * As runDocker, for a command whose stdout is data (`--call check,format=json`): stdout is
 * collected and returned, not printed; stderr (the progress) is printed and its errors kept.
 */
export async function captureDocker(
  args: string[],
  redact: (text: string) => string = (text) => text,
): Promise<BuildRun & { stdout: string }> {
  const chunks: Buffer[] = [];
  let tail = '';
  const exitCode = await exec('docker', args, {
    ignoreReturnCode: true,
    // stdout is data (base64 sources too), not log: nothing of it is printed.
    outStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
    errStream: redacting(process.stderr, redact),
    listeners: {
      stdout: (data: Buffer) => {
        chunks.push(data);
      },
      stderr: (data: Buffer) => {
        tail = (tail + data.toString('utf8')).slice(-64 * 1024);
      },
    },
  });
  return { exitCode, errors: errorLines(tail), stdout: Buffer.concat(chunks).toString('utf8') };
}

function errorLines(tail: string): string[] {
  return tail
    .split(/\r?\n/)
    .filter((line) => /^ERROR:|^error:/.test(line))
    .map((line) => line.replace(/^(ERROR|error):\s*/, ''));
}

function redacting(
  target: NodeJS.WritableStream,
  redact: (text: string) => string,
  onWrite?: () => void,
): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      onWrite?.();
      target.write(redact(chunk.toString()));
      done();
    },
  });
}

/** `docker buildx version`, or undefined when buildx is missing. */
export async function buildxVersionOutput(): Promise<string | undefined> {
  const out = await getExecOutput('docker', ['buildx', 'version'], { ignoreReturnCode: true, silent: true });
  return out.exitCode === 0 ? out.stdout.trim() : undefined;
}

/**
 * Whether the engine stores images in containerd (needed to load a multi-platform image); the
 * engine of docker context `context` when given (a docker-driver builder's endpoint). Asked once
 * per context and run: several steps need it (load, the PR's OCI export, cache, legs), and each
 * `docker info` costs 0.1-0.3 s.
 */
export function engineHasContainerdStore(context?: string): Promise<boolean | undefined> {
  const key = context ?? '';
  let answer = containerdStoreAnswers.get(key);
  if (!answer) {
    answer = askContainerdStore(context);
    containerdStoreAnswers.set(key, answer);
  }
  return answer;
}

const containerdStoreAnswers = new Map<string, Promise<boolean | undefined>>();

async function askContainerdStore(context: string | undefined): Promise<boolean | undefined> {
  const contextArgs = context ? ['--context', context] : [];
  const out = await getExecOutput('docker', [...contextArgs, 'info', '--format', '{{json .DriverStatus}}'], {
    ignoreReturnCode: true,
    silent: true,
  });
  if (out.exitCode !== 0) return undefined;
  return out.stdout.includes('io.containerd.snapshotter');
}

/** `docker buildx inspect [builder]`: its text (builder.ts parses it), or why it failed. */
export async function buildxInspect(
  builder?: string,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  // `--`: a builder name is never read as an option.
  const args = ['buildx', 'inspect', ...(builder ? ['--', builder] : [])];
  const out = await getExecOutput('docker', args, { ignoreReturnCode: true, silent: true });
  return { ok: out.exitCode === 0, stdout: out.stdout, stderr: out.stderr.trim() };
}
