/**
 * The commit a build context holds, for the untrusted-build check (trust.ts): `git rev-parse
 * HEAD` in a local context, the commit a Git URL pins (`...git#<sha>`). undefined when it
 * cannot be told: not a Git checkout, git missing, or a URL naming a branch.
 */
import { execFile } from 'node:child_process';
import { isAbsolute, resolve } from 'node:path';

const FULL_SHA = /^[0-9a-f]{40}$/;

export async function builtCommit(context: string, cwd: string): Promise<string | undefined> {
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(context)) {
    const ref = context.split('#')[1]?.split(':')[0] ?? '';
    return FULL_SHA.test(ref) ? ref : undefined;
  }
  const dir = isAbsolute(context) ? context : resolve(cwd, context);
  return new Promise((done) =>
    execFile(
      'git',
      ['-C', dir, 'rev-parse', '--verify', 'HEAD^{commit}'],
      { timeout: 10_000 },
      (error, stdout) => {
        const sha = stdout.trim();
        done(!error && FULL_SHA.test(sha) ? sha : undefined);
      },
    ),
  );
}
