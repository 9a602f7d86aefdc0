// The layer checker (scripts/check-layers.mjs) run as CI runs it, on fixture trees with breaches
// planted in them, and on this repository.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from '@jest/globals';

const TABLE = `# fixture

<!-- layers -->
| level | folder  | what lives there | may import |
| ----: | ------- | ---------------- | ---------- |
|     2 | \`top/\`  | the top          | all below  |
|     1 | \`mid/\`  | the middle       | \`base/\`    |
|     1 | \`side/\` | beside it        | \`base/\`    |
|     0 | \`base/\` | the floor        | nothing    |
`;

// A tree whose imports all point down: top -> mid, side -> base.
const CLEAN: Record<string, string> = {
  'top/main.ts':
    "import { m } from '../mid/m.js';\nimport { s } from '../side/s.js';\nexport const t = m + s;\n",
  'mid/m.ts': "import { b } from '../base/b.js';\nexport const m = b;\n",
  'side/s.ts': "import type { B } from '../base/b.js';\nexport const s: B = 1;\n",
  'base/b.ts': 'export type B = number;\nexport const b: B = 1;\n',
};

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  writeFileSync(join(root, 'CONTRIBUTING.md'), TABLE);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'src', path)), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  return root;
}

function check(root: string): { status: number | null; lines: string[] } {
  const run = spawnSync(process.execPath, ['scripts/check-layers.mjs', '--root', root], { encoding: 'utf8' });
  return { status: run.status, lines: run.stdout.trim().split('\n') };
}

describe('check-layers', () => {
  test('a tree whose imports all point down passes', () => {
    expect(check(tree(CLEAN))).toEqual({
      status: 0,
      lines: ['layers: 4 folders, 4 files, 4 imports: every import points down, no cycle'],
    });
  });

  test('an upward import fails, and the folder cycle it makes is named', () => {
    const { status, lines } = check(
      tree({
        ...CLEAN,
        'base/b.ts': "import { t } from '../top/main.js';\nexport type B = number;\nexport const b: B = t;\n",
      }),
    );
    expect(status).toBe(1);
    expect(lines).toContain(
      'upward import: src/base/b.ts (base/, level 0) imports src/top/main.ts (top/, level 2)',
    );
    expect(lines).toContain('folder cycle: base/ -> top/ -> mid/ -> base/');
    expect(lines.at(-1)).toMatch(/: \d+ problem\(s\)$/);
  });

  test('a dynamic import() counts like a static one', () => {
    const { status, lines } = check(
      tree({
        ...CLEAN,
        'mid/m.ts': "export const m = 1;\nexport const late = () => import('../top/main.js');\n",
      }),
    );
    expect(status).toBe(1);
    expect(lines).toContain(
      'upward import: src/mid/m.ts (mid/, level 1) imports src/top/main.ts (top/, level 2)',
    );
  });

  test('folders of one level never import each other', () => {
    const { status, lines } = check(
      tree({ ...CLEAN, 'side/s.ts': "import { m } from '../mid/m.js';\nexport const s = m;\n" }),
    );
    expect(status).toBe(1);
    expect(lines).toContain(
      'sideways import: src/side/s.ts (side/) imports src/mid/m.ts (mid/), both level 1',
    );
  });

  test('a cycle between two files of one folder fails', () => {
    const { status, lines } = check(
      tree({
        ...CLEAN,
        'mid/m.ts': "import { n } from './n.js';\nexport const m = 1;\nexport const mm = n;\n",
        'mid/n.ts': "import { m } from './m.js';\nexport const n = m;\n",
      }),
    );
    expect(status).toBe(1);
    expect(lines).toContain('file cycle: src/mid/m.ts -> src/mid/n.ts -> src/mid/m.ts');
  });

  test('a file in no folder of the table fails', () => {
    const { status, lines } = check(tree({ ...CLEAN, 'stray.ts': 'export const x = 1;\n' }));
    expect(status).toBe(1);
    expect(lines).toContain('no layer: src/stray.ts is in no folder of the layer table');
  });

  test('this repository: every import of src/ points down the CONTRIBUTING.md table', () => {
    const { status, lines } = check(join(import.meta.dirname, '..'));
    expect(lines.at(-1)).toMatch(/every import points down, no cycle$/);
    expect(status).toBe(0);
  });
});
