import { expect, test } from '@jest/globals';
import { sizeTable } from '../../src/render/table.js';
import { buildSizeReport } from '../../src/compare/delta.js';

test('a hostile platform name or ref stays on its line, its controls shown', () => {
  const platform = 'linux\n::error::x/\u202eevil\u001b[31m';
  const report = buildSizeReport(
    {
      ref: 'r.io/a:b\r\n::add-mask::z',
      digest: `sha256:${'a'.repeat(64)}`,
      platforms: [{ platform, manifestDigest: 'm', compressed: 10, uncompressed: 20, wasted: 0, layers: [] }],
    },
    null,
  );
  const lines = sizeTable(report).split('\n');
  expect(lines).toHaveLength(5);
  expect(lines.some((line) => line.startsWith('::'))).toBe(false);
  expect(lines[0]).toContain('r.io/a:b');
  expect(lines[4]).toMatch(/^linux ↵ ::error::x\/\\u202eevil\\x1b\[31m +10 B +20 B +0 B +0$/);
});
