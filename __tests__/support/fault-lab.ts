/**
 * What the fault and leak tests share: a small image and its baseline, built with buildx and
 * pushed to lab registries, and the report action run against them (through a fault proxy,
 * posting to a GitHub stand-in) with short timeouts, so that a slow answer fails in seconds.
 *
 * The image: busybox, a 2 MiB layer of random bytes (it does not compress: a blob big enough to
 * break in the middle) and a small text file; the baseline has the text file only.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionRun } from './action-runner.js';
import { LAB_AUTH_PASSWORD, LAB_AUTH_USER } from './registry.js';
import type { SizeReport } from '../../src/report/size-report.js';

/** The per-request timeouts the report action gets in these tests (ms). */
export const SHORT_TIMEOUT_MS = 1500;

/** Runs docker without blocking the event loop (a token server in this process must answer it). */
export function docker(
  args: string[],
  options: { input?: string; dockerConfig?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = options.dockerConfig ? { ...process.env, DOCKER_CONFIG: options.dockerConfig } : process.env;
    const child = execFile('docker', args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`docker ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** A DOCKER_CONFIG logged in to each of `registries` as the lab user. */
export async function loggedInDockerConfig(registries: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-faults-docker-'));
  for (const registry of registries) {
    await docker(['login', registry, '-u', LAB_AUTH_USER, '--password-stdin'], {
      input: LAB_AUTH_PASSWORD,
      dockerConfig: dir,
    });
  }
  return dir;
}

/**
 * Builds the image (`:1`) and its baseline (`:base`) for linux/amd64 and pushes both to
 * `<registry>/<repository>` for each registry; `dockerConfig` holds the logins they need.
 */
export async function pushFaultImages(
  registries: string[],
  repository: string,
  dockerConfig?: string,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'shipshape-faults-'));
  for (const [name, files] of [
    ['image', ['payload.bin', 'notes.txt']],
    ['base', ['notes.txt']],
  ] as const) {
    const context = join(work, name);
    mkdirSync(context);
    writeFileSync(join(context, 'payload.bin'), randomBytes(2 * 1024 * 1024));
    writeFileSync(join(context, 'notes.txt'), 'shipshape fault tests\n'.repeat(200));
    writeFileSync(
      join(context, 'Dockerfile'),
      ['FROM localhost:5000/lab/busybox:amd64', ...files.map((f) => `COPY ${f} /data/${f}`)].join('\n') +
        '\n',
    );
    const tag = name === 'image' ? '1' : 'base';
    const tags = registries.flatMap((r) => ['-t', `${r}/${repository}:${tag}`]);
    await docker(
      ['buildx', 'build', '--network', 'none', '--platform', 'linux/amd64', '--push', ...tags, context],
      { dockerConfig },
    );
  }
}

export interface ReportRunOptions {
  /** `host/repository`: `:1` is measured against `:base`. */
  repository: string;
  github?: { url: string; token: string; prNumber: number };
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

/** The report action (measure mode) on `<repository>:1` against `<repository>:base`. */
export function runReport(options: ReportRunOptions): Promise<ActionRun> {
  const { repository, github } = options;
  return runAction({
    script: 'dist/report/index.js',
    inputs: {
      image: `${repository}:1`,
      baseline: `${repository}:base`,
      ...(github ? { 'github-token': github.token, 'pr-number': String(github.prNumber) } : {}),
      ...options.inputs,
    },
    env: {
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      SHIPSHAPE_REGISTRY_TIMEOUT_MS: String(SHORT_TIMEOUT_MS),
      SHIPSHAPE_GITHUB_TIMEOUT_MS: String(SHORT_TIMEOUT_MS),
      ...(github ? { GITHUB_API_URL: github.url } : {}),
      ...options.env,
    },
  });
}

/** The figures of a report, without the references (which name the proxy's port). */
export function figuresOf(run: ActionRun): { platforms: SizeReport['platforms']; digests: string[] } {
  const report = JSON.parse(run.outputs['size-report']) as SizeReport;
  return {
    platforms: report.platforms,
    digests: [report.image.digest, report.baseline?.digest ?? ''],
  };
}

/** The messages of the `::error::` lines the step printed (what the runner shows as its failure). */
export function errorsOf(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error'))
    .map((line) => decodeCommandData(line.slice(line.indexOf('::', 2) + 2)));
}

export function warningsOf(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('::warning'))
    .map((line) => decodeCommandData(line.slice(line.indexOf('::', 2) + 2)));
}

function decodeCommandData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
