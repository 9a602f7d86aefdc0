/**
 * npm projects for advisor fixtures that run the real npm offline: each package is a `file:`
 * tarball under `vendor/` (made here with tar, deterministic so BuildKit's cache holds across
 * runs), and the lockfile is written by this machine's npm (`npm install --package-lock-only
 * --offline`), so `npm ci --offline`, `npm prune --omit=dev` and npm's own `dev: true` marks
 * are npm's, not ours. Bytes by construction: each package holds `lib/blob.bin` of its size.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface NpmPackageSpec {
  name: string;
  /** Bytes of its `lib/blob.bin`. */
  bytes: number;
  /** Names of packages (of this project) it depends on, any version. */
  dependencies?: string[];
}

export interface NpmProjectSpec {
  packages: NpmPackageSpec[];
  /** Top-level names. Offline, npm resolves a package's own dependencies only from these: list them all. */
  dependencies: string[];
  devDependencies: string[];
}

/** The context files of the project: package.json, package-lock.json, vendor/NAME-1.0.0.tgz. */
export function npmProject(spec: NpmProjectSpec): Record<string, Buffer | string> {
  const dir = mkdtempSync(join(tmpdir(), 'npm-fixture-'));
  try {
    const files: Record<string, Buffer | string> = {};
    for (const pkg of spec.packages) {
      const root = join(dir, 'build', pkg.name, 'package');
      mkdirSync(join(root, 'lib'), { recursive: true });
      const manifest = {
        name: pkg.name,
        version: '1.0.0',
        ...(pkg.dependencies && {
          dependencies: Object.fromEntries(pkg.dependencies.map((d) => [d, '^1.0.0'])),
        }),
      };
      writeFileSync(join(root, 'package.json'), `${JSON.stringify(manifest)}\n`);
      writeFileSync(join(root, 'lib/blob.bin'), Buffer.alloc(pkg.bytes, pkg.name.length));
      const tar = execFileSync(
        'tar',
        [
          '--sort=name',
          '--mtime=@0',
          '--owner=0',
          '--group=0',
          '--numeric-owner',
          '-C',
          dirname(root),
          '-c',
          'package',
        ],
        { maxBuffer: 1 << 28 },
      );
      const tgz = execFileSync('gzip', ['-n', '-c'], { input: tar, maxBuffer: 1 << 28 });
      const path = `vendor/${pkg.name}-1.0.0.tgz`;
      mkdirSync(dirname(join(dir, 'project', path)), { recursive: true }); // vendor/@scope/ too
      writeFileSync(join(dir, 'project', path), tgz);
      files[path] = tgz;
    }
    const spec_ = (name: string) => [name, `file:vendor/${name}-1.0.0.tgz`];
    const pkgJson = `${JSON.stringify(
      {
        name: 'app',
        version: '1.0.0',
        private: true,
        dependencies: Object.fromEntries(spec.dependencies.map(spec_)),
        devDependencies: Object.fromEntries(spec.devDependencies.map(spec_)),
      },
      null,
      2,
    )}\n`;
    writeFileSync(join(dir, 'project/package.json'), pkgJson);
    execFileSync('npm', ['install', '--package-lock-only', '--offline', '--no-audit', '--no-fund'], {
      cwd: join(dir, 'project'),
      stdio: 'pipe',
    });
    files['package.json'] = pkgJson;
    files['package-lock.json'] = readFileSync(join(dir, 'project/package-lock.json'), 'utf8');
    return files;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What npm installs of a package in node_modules, in bytes: its blob and its package.json as the
 * tarball holds it (npm writes the manifest as packed).
 */
export function installedBytes(pkg: NpmPackageSpec): number {
  const manifest = {
    name: pkg.name,
    version: '1.0.0',
    ...(pkg.dependencies && { dependencies: Object.fromEntries(pkg.dependencies.map((d) => [d, '^1.0.0'])) }),
  };
  return pkg.bytes + Buffer.byteLength(`${JSON.stringify(manifest)}\n`);
}
