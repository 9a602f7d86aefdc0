import { describe, expect, test } from '@jest/globals';
import { CacheExportLog, cacheExportWarning } from '../../src/buildx/cache-export-log.js';

// buildx 0.29's plain progress for a build whose registry cache export failed with
// ignore-error=true (the lab, docker driver, containerd image store): it exited 0.
const FAILED_REGISTRY_EXPORT = `#5 [2/2] RUN echo hello > /x
#5 DONE 0.3s

#6 exporting to image
#6 exporting layers
#6 exporting layers 0.2s done
#6 DONE 0.6s

#7 exporting cache to registry
#7 preparing build cache for export 0.0s done
#7 writing layer sha256:5f731ed6214b030200f0ff59fafda2b3ae3a974e8f86a19e0c390988a36266be done
#7 ERROR: error writing layer blob: failed to do request: Head "https://127.0.0.1:1/v2/cache/app/blobs/sha256:5f73": dial tcp 127.0.0.1:1: connect: connection refused
------
 > exporting cache to registry:
------`;

const scan = (cacheTo: string[], log: string) => {
  const watch = new CacheExportLog(cacheTo);
  for (const line of log.split('\n')) watch.line(line);
  return watch.failures;
};

describe('CacheExportLog', () => {
  test('a failed registry export names its reference and BuildKit’s error', () => {
    const failures = scan(
      ['type=registry,ref=127.0.0.1:1/cache/app:buildcache,mode=max,ignore-error=true'],
      FAILED_REGISTRY_EXPORT,
    );
    expect(failures).toEqual([
      {
        destinations: ['type=registry,ref=127.0.0.1:1/cache/app:buildcache'],
        error:
          'error writing layer blob: failed to do request: Head "https://127.0.0.1:1/v2/cache/app/blobs/sha256:5f73": dial tcp 127.0.0.1:1: connect: connection refused',
      },
    ]);
  });

  test('of several exports, the one of the failed type is named', () => {
    const failures = scan(
      [
        'type=gha,scope=app,token=SECRET,ignore-error=true',
        'type=registry,ref=r.example/app:c,ignore-error=true',
      ],
      FAILED_REGISTRY_EXPORT,
    );
    expect(failures.map((f) => f.destinations)).toEqual([['type=registry,ref=r.example/app:c']]);
  });

  test('two exports of one type cannot be told apart: both are named', () => {
    const failures = scan(['type=registry,ref=a/x:c', 'type=registry,ref=b/y:c'], FAILED_REGISTRY_EXPORT);
    const warning = cacheExportWarning(failures[0]);
    expect(warning).toContain('one of type=registry,ref=a/x:c; type=registry,ref=b/y:c');
  });

  test('a gha export failure (build-push-action#632) and a RUN step error are told apart', () => {
    const log = `#9 [3/3] RUN false
#9 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1
#18 exporting to GitHub Actions Cache
#18 preparing build cache for export
#18 ERROR: GitHub Actions is temporarily unavailable.`;
    const failures = scan(['type=gha,mode=max,ignore-error=true'], log);
    expect(failures).toEqual([
      { destinations: ['type=gha'], error: 'GitHub Actions is temporarily unavailable.' },
    ]);
  });

  test('a step that prints an exporter-like line is not an export', () => {
    const log = `#5 [2/2] RUN echo x
#5 0.1 exporting cache to registry
#5 ERROR: process did not complete successfully`;
    expect(scan(['type=registry,ref=a/x:c'], log)).toEqual([]);
  });

  test('a successful export is no failure; CRLF line ends are fine', () => {
    const log = '#7 exporting cache to registry\r\n#7 writing manifest sha256:ab done\r\n#7 DONE 0.2s\r\n';
    expect(scan(['type=registry,ref=a/x:c'], log)).toEqual([]);
  });

  test('the warning says the build went on and quotes the error, capped', () => {
    const warning = cacheExportWarning({ destinations: ['type=registry,ref=a/x:c'], error: 'x'.repeat(600) });
    expect(warning).toMatch(/^Build cache export to type=registry,ref=a\/x:c failed; the image was built/);
    expect(warning.length).toBeLessThan(800);
  });
});
