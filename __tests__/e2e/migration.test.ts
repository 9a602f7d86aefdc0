/**
 * A workflow migrated from docker/metadata-action + docker/build-push-action, on the lab: the new
 * rules (type=pep440, type=match), the sep-* inputs, the tag-names / annotations / json outputs and
 * the DOCKER_METADATA_OUTPUT_* variables give what metadata-action gives on the same event (its
 * README and src/main.ts: outputs joined with the separators, labels sorted by key, annotations
 * as `level:key=value`, json {tags, tag-names, labels, annotations}); and build-push-action's
 * `call: check` runs buildx's build checks, each warning an annotation on its Dockerfile line.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, tagPush } from '../support/action-runner.js';
import { freshRepo, getManifest, LAB, listTags } from '../support/registry.js';

const SHA = 'f00dfeedcafe0123456789abcdef0123456789ab';
const OCI = 'org.opencontainers.image';
let workspace: string;

beforeAll(() => {
  execFileSync('docker', ['info'], { stdio: 'ignore' });
  workspace = mkdtempSync(join(tmpdir(), 'shipshape-migration-'));
  mkdirSync(join(workspace, 'app'));
  writeFileSync(
    join(workspace, 'app', 'Dockerfile'),
    'FROM localhost:5000/lab/busybox:latest\nRUN echo ok > /ok\n',
  );
  mkdirSync(join(workspace, 'lint'));
  // Line 2: ENV in the legacy form; line 4: an undefined variable; line 5: a lower-case instruction.
  writeFileSync(
    join(workspace, 'lint', 'Dockerfile'),
    'FROM localhost:5000/lab/busybox:latest\nENV MODE prod\nRUN echo ok\nENV PATH_TO=$NOT_DEFINED\nrun echo lower\n',
  );
});

/** The labels the image's config holds, read back from the registry. */
async function imageLabels(reference: string): Promise<Record<string, string>> {
  const out = execFileSync(
    'docker',
    ['buildx', 'imagetools', 'inspect', reference, '--format', '{{json .Image}}'],
    {
      encoding: 'utf8',
    },
  );
  return (JSON.parse(out) as { config?: { Labels?: Record<string, string> } }).config?.Labels ?? {};
}

describe('from metadata-action + build-push-action', () => {
  test('type=pep440 and type=match on a release tag, with sep-tags and sep-labels: the outputs, the variables and the pushed tags', async () => {
    const image = freshRepo(LAB, 'migrate');
    const run = await runAction({
      inputs: {
        context: 'app',
        images: image,
        push: 'true',
        network: 'none',
        tags: 'type=pep440,pattern={{major}}.{{minor}}\ntype=match,pattern=v(\\d+),group=1\ntype=sha',
        labels: 'maintainer=CrazyMax',
        'sep-tags': ',',
        'sep-labels': ';',
      },
      cwd: workspace,
      ...tagPush('v1.2.3', SHA),
    });
    expect(run.exitCode).toBe(0);
    // metadata-action: priority order (pep440 900, match 800, sha 100), then latest.
    const names = ['1.2', '1', 'sha-f00dfee', 'latest'];
    const tags = names.map((t) => `${image}:${t}`);
    expect(run.outputs.version).toBe('1.2');
    expect(run.outputs.tags).toBe(tags.join(','));
    expect(run.outputs['tag-names']).toBe(names.join(','));

    const labels = await imageLabels(`${image}:1.2`);
    expect(labels).toMatchObject({
      [`${OCI}.version`]: '1.2',
      [`${OCI}.revision`]: SHA,
      maintainer: 'CrazyMax',
    });
    const sorted = Object.keys(labels).sort((a, b) => a.localeCompare(b));
    expect(run.outputs.labels).toBe(sorted.map((k) => `${k}=${labels[k]}`).join(';'));

    const oci = sorted.filter((k) => k.startsWith(`${OCI}.`));
    const annotations = oci.map((k) => `manifest:${k}=${labels[k]}`);
    expect(run.outputs.annotations).toBe(annotations.join('\n'));
    expect(JSON.parse(run.outputs.json)).toEqual({
      tags,
      'tag-names': names,
      labels: Object.fromEntries(sorted.map((k) => [k, labels[k]])),
      annotations,
    });
    // Every metadata output is also a variable for the later steps, as metadata-action sets them.
    expect(run.exported).toEqual({
      DOCKER_METADATA_OUTPUT_VERSION: run.outputs.version,
      DOCKER_METADATA_OUTPUT_TAGS: run.outputs.tags,
      DOCKER_METADATA_OUTPUT_TAG_NAMES: run.outputs['tag-names'],
      DOCKER_METADATA_OUTPUT_LABELS: run.outputs.labels,
      DOCKER_METADATA_OUTPUT_ANNOTATIONS: run.outputs.annotations,
      DOCKER_METADATA_OUTPUT_JSON: run.outputs.json,
    });
    // A release push also appends to the size history (docs/history.md).
    expect(await listTags(image)).toEqual(['1', '1.2', 'latest', 'sha-f00dfee', 'shipshape-history']);
    const digest = run.outputs.digest;
    for (const name of names) expect((await getManifest(`${image}:${name}`))?.digest).toBe(digest);
  }, 120_000);

  test('a PEP 440 pre-release: the normalized version only, no latest; annotation levels and no variables when asked', async () => {
    const image = freshRepo(LAB, 'migrate-rc');
    const run = await runAction({
      inputs: {
        context: 'app',
        images: image,
        push: 'true',
        network: 'none',
        'analyze-layers': 'false',
        tags: 'type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}.{{minor}}',
        'sep-annotations': ' ',
      },
      cwd: workspace,
      ...tagPush('1.2.3-RC.2', SHA),
      env: {
        ...tagPush('1.2.3-RC.2', SHA).env,
        DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,index',
        DOCKER_METADATA_SET_OUTPUT_ENV: 'false',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.tags).toBe(`${image}:1.2.3rc2`);
    expect(run.outputs.version).toBe('1.2.3rc2');
    const annotations = run.outputs.annotations.split(' ');
    expect(annotations).toContain(`manifest:${OCI}.version=1.2.3rc2`);
    expect(annotations).toContain(`index:${OCI}.version=1.2.3rc2`);
    expect(annotations.filter((a) => a.startsWith('index:'))).toHaveLength(annotations.length / 2);
    expect(run.exported).toEqual({});
    expect(await listTags(image)).toEqual(['1.2.3rc2', 'shipshape-history']);
  }, 120_000);
});

describe('call: check', () => {
  test('each build check warning is an annotation on its Dockerfile line, and the step fails; nothing is built', async () => {
    const image = freshRepo(LAB, 'checked');
    const run = await runAction({
      inputs: { context: 'lint', images: image, call: 'check', network: 'none' },
      cwd: workspace,
      ...tagPush('v1.0.0', SHA),
    });
    expect(run.exitCode).toBe(1);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning '));
    const at = (rule: string) => warnings.find((w) => w.includes(`title=Build check%3A ${rule},`));
    expect(at('LegacyKeyValueFormat')).toMatch(/,file=lint\/Dockerfile,line=2,endLine=2::/);
    expect(at('UndefinedVar')).toMatch(
      /,file=lint\/Dockerfile,line=4,endLine=4::Usage of undefined variable '\$NOT_DEFINED'%0AVariables should be defined before their use https:\/\/docs\.docker\.com\//,
    );
    expect(at('ConsistentInstructionCasing')).toMatch(/,file=lint\/Dockerfile,line=5,endLine=5::/);
    expect(run.stdout).toMatch(
      /^::error::Build checks: 3 warning\(s\) in lint\/Dockerfile \(.*UndefinedVar.*\); buildx fails a check on warnings\.$/m,
    );
    // The metadata outputs are set, as metadata-action's step before the check would have.
    expect(run.outputs.tags).toBe(['1.0.0', '1.0', '1', 'latest'].map((t) => `${image}:${t}`).join('\n'));
    expect(run.outputs.digest).toBeUndefined();
    expect(await listTags(image)).toEqual([]);
  }, 120_000);

  test('a clean Dockerfile passes the checks, and a Dockerfile that does not parse fails on its line', async () => {
    const clean = await runAction({
      inputs: { context: 'app', call: 'check', network: 'none' },
      cwd: workspace,
      ...tagPush('v1.0.0', SHA),
    });
    expect(clean.exitCode).toBe(0);
    expect(clean.stdout).toContain('Build checks: no warnings in app/Dockerfile.');
    expect(clean.stdout).not.toContain('::warning');

    mkdirSync(join(workspace, 'broken'), { recursive: true });
    writeFileSync(
      join(workspace, 'broken', 'Dockerfile'),
      'FROM localhost:5000/lab/busybox:latest\nRUNN echo\n',
    );
    const broken = await runAction({
      inputs: { context: 'broken', call: 'check', network: 'none' },
      cwd: workspace,
      ...tagPush('v1.0.0', SHA),
    });
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toMatch(
      /^::error title=Build check%3A the Dockerfile does not parse,file=broken\/Dockerfile,line=2::dockerfile parse error on line 2: unknown instruction: RUNN/m,
    );
  }, 120_000);
});
