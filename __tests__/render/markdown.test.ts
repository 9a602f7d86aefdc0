import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { evaluateBudget, parseBudget } from '../../src/compare/budget.js';
import type {
  ImageMeasurement,
  LayerMeasurement,
  PlatformMeasurement,
} from '../../src/measure/measurement.js';
import { renderReport, size } from '../../src/render/markdown.js';
import { commentMarker } from '../../src/render/marker.js';
import { type AdviceEntry, type SizeReport } from '../../src/report/size-report.js';
import type { Budget } from '../../src/report/budget.js';
import { buildSizeReport } from '../../src/compare/delta.js';

// ---- Fixtures: measurements as the measuring stage makes them, turned into reports. ----

const MB = 1_000_000;
const digest = (name: string) => `sha256:${createHash('sha256').update(name).digest('hex')}`;

function layer(name: string, compressed: number, createdBy?: string): LayerMeasurement {
  return {
    digest: digest(name),
    compressed,
    uncompressed: compressed * 3,
    files: 10,
    ...(createdBy && { createdBy }),
  };
}

function platform(name: string, layers: LayerMeasurement[], wasted: number | null = 0): PlatformMeasurement {
  const sum = (f: (l: LayerMeasurement) => number) => layers.reduce((total, l) => total + f(l), 0);
  return {
    platform: name,
    manifestDigest: digest(`${name}:${layers.map((l) => l.digest).join()}`),
    compressed: sum((l) => l.compressed),
    uncompressed: sum((l) => l.uncompressed ?? 0),
    wasted,
    layers,
  };
}

const image = (ref: string, platforms: PlatformMeasurement[]): ImageMeasurement => ({
  ref,
  digest: digest(ref),
  platforms,
});

const REF = 'ghcr.io/acme/shop-api';
const KEY = 'ghcr.io/acme/shop-api';

// 300 MB on main.
const base = {
  os: layer(
    'os',
    100 * MB,
    '/bin/sh -c #(nop) ADD file:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef in / ',
  ),
  deps: layer('deps', 150 * MB, 'RUN /bin/sh -c apt-get install -y python3 # buildkit'),
  app: layer('app', 50 * MB, 'COPY . /app # buildkit'),
};
// +12.3 MB (+4.1%) in the PR: a new 12 MB layer, and the app layer changed (+300 kB).
const grown = {
  app: layer('app-2', 50.3 * MB, 'COPY . /app # buildkit'),
  pip: layer('pip', 12 * MB, 'RUN /bin/sh -c pip install -r requirements.txt # buildkit'),
};
const mainLayers = [base.os, base.deps, base.app];
const prLayers = [base.os, base.deps, grown.pip, grown.app];

const main = image(`${REF}:main`, [platform('linux/amd64', mainLayers)]);
const growth = image(`${REF}:pr-42`, [platform('linux/amd64', prLayers, 2 * MB)]);

const render = (report: SizeReport, options: Partial<Parameters<typeof renderReport>[1]> = {}) =>
  renderReport(report, { key: KEY, ...options });

// ---- Helpers that read markdown the way GitHub does, for the checks that are not snapshots. ----

/** The markdown with code spans and fenced blocks taken out: what GitHub parses as markup. */
function outsideCode(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    if (markdown[i] !== '`' || markdown[i - 1] === '\\') {
      out += markdown[i++];
      continue;
    }
    const run = /^`+/.exec(markdown.slice(i))![0];
    const close = closingRun(markdown, i + run.length, run.length);
    if (close === -1) {
      out += run;
      i += run.length;
    } else {
      i = close + run.length;
    }
  }
  return out;
}

function closingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let m = runs.exec(text); m; m = runs.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** GFM table cells of a row: split at pipes without a backslash before them. */
const cellCount = (row: string) => row.split(/(?<!\\)\|/).length - 2;

function expectSafe(markdown: string, maxLength = 65_000) {
  const markup = outsideCode(markdown);
  expect(size(markdown)).toBeLessThanOrEqual(maxLength);
  expect(markdown.length).toBeLessThan(65_536);
  expect(markup).not.toMatch(/<(img|script|b|a|iframe|svg|style)\b/i);
  // Every <details> is ours: it opens with <summary>, and each is closed.
  expect(markup.match(/<details>/g)?.length ?? 0).toBe(markup.match(/<details><summary>/g)?.length ?? 0);
  expect(markup.match(/<details>/g)?.length ?? 0).toBe(markup.match(/<\/details>/g)?.length ?? 0);
  expect(markdown).not.toMatch(/@org|@team|@admin/);
  // Issue links: none outside our own Mermaid blocks (whose colours are `#8c959f`).
  expect(markdown.replace(/```mermaid\n[^`]*```/g, '')).not.toMatch(/#\d/);
  // No control characters but the newline, no bidi overrides or isolates.
  expect([...markdown].filter((c) => isControl(c.codePointAt(0)!))).toEqual([]);
  for (const table of tableGroups(markdown)) {
    const columns = cellCount(table[0]);
    for (const row of table) {
      expect(cellCount(row)).toBe(columns);
      // Every backtick in a row belongs to a closed code span.
      expect(outsideCode(row)).not.toContain('`');
    }
  }
  expect(markdown.endsWith(`\n\n${commentMarker(KEY)}`)).toBe(true);
}

const isControl = (code: number) =>
  (code < 0x20 && code !== 0x0a) ||
  (code >= 0x7f && code <= 0x9f) ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

function tableGroups(markdown: string): string[][] {
  const groups: string[][] = [];
  let current: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      if (!current) groups.push((current = []));
      current.push(line);
    } else {
      current = null;
    }
  }
  return groups;
}

// ---- Snapshots of the comment in each situation, with the facts that matter checked too. ----

describe('renderReport', () => {
  test('no baseline', () => {
    const markdown = render(buildSizeReport(growth, null));
    expect(markdown).toMatchSnapshot();
    expect(markdown.split('\n')[0]).toBe('### 🆕 Image size: no baseline yet');
    expect(markdown).toContain('There is no baseline image to compare it with yet.');
    expect(markdown).not.toContain('New to pull |');
    expect(markdown).not.toContain('➕');
    expectSafe(markdown);
  });

  test('a baseline that could not be read: said, with its cause, never "no baseline yet"', () => {
    const markdown = render(
      buildSizeReport(growth, null, {
        status: 'unavailable',
        ref: 'ghcr.io/acme/shop-api:main',
        problem: 'broken',
        reason: 'ghcr.io/acme/shop-api:main: its blob sha256:1234 is missing (HTTP 404) | <b>@org</b>',
      }),
    );
    expect(markdown.split('\n')[0]).toBe('### ⚠️ Image size: baseline unavailable');
    expect(markdown).toContain('The baseline `ghcr.io/acme/shop-api:main` could not be compared with: ');
    // In code: shown as written, never as markup.
    expect(markdown).toContain(
      '`ghcr.io/acme/shop-api:main: its blob sha256:1234 is missing (HTTP 404) | <b>@\u200borg</b>`',
    );
    expect(markdown).not.toContain('no baseline yet');
    expectSafe(markdown);
  });

  test('no change: the short form, one line under the heading', () => {
    const markdown = render(buildSizeReport(image(`${REF}:pr-43`, main.platforms), main));
    expect(markdown).toMatchSnapshot();
    expect(markdown.split('\n')[0]).toBe('### ⚪ Image size: no size change');
    expect(markdown.split('\n')[2]).toBe(
      '`ghcr.io/acme/shop-api:pr-43` has the same layer content as `ghcr.io/acme/shop-api:main` on 1 platform.',
    );
    expect(markdown).not.toContain('| Layer |');
    expectSafe(markdown);
  });

  test('growth: headline, deltas, changed layers largest first, exact bytes in tooltips', () => {
    const markdown = render(buildSizeReport(growth, main));
    expect(markdown).toMatchSnapshot();
    expect(markdown.split('\n')[0]).toBe(
      '### 🔶 Image size: <span title="+12,300,000 bytes">+12.3 MB</span> (+4.1%) per pull',
    );
    expect(markdown).toContain(
      '`ghcr.io/acme/shop-api:pr-42` compared with `ghcr.io/acme/shop-api:main`: compressed size ' +
        'of one pull (what a node downloads) <span title="300,000,000 bytes">300 MB</span> → ' +
        '<span title="312,300,000 bytes">312 MB</span>, `linux/amd64`.',
    );
    const changed = markdown.split('\n').filter((line) => /^\| [➕➖] \|/.test(line));
    expect(changed).toHaveLength(3);
    // Added in build order, then removed, named by the baseline's index; instructions cleaned
    // of the shell and `# buildkit`.
    expect(changed[0]).toContain('| `RUN pip install -r requirements.txt` |');
    expect(changed[0]).toContain('>3</span>');
    expect(changed[1]).toMatch(
      /^\| ➕ \| <span title="sha256:[0-9a-f]{64}">4<\/span> \| <span title="50,300,000 bytes">50.3 MB<\/span> \| .* \| `COPY \. \/app` \|$/,
    );
    expect(changed[2]).toMatch(
      /^\| ➖ \| <span title="sha256:[0-9a-f]{64}">was 3<\/span> \| <span title="50,000,000 bytes">50.0 MB<\/span> \|/,
    );
    expect(markdown).toContain('<details><summary>2 unchanged layers, 250 MB compressed</summary>');
    // The platform row: each figure with its change, new to pull.
    expect(markdown).toContain(
      '| 🔶 `linux/amd64` | <span title="312,300,000 bytes">312 MB</span><br><sub><span title="+12,300,000 bytes">+12.3 MB</span> (+4.1%)</sub> |',
    );
    expect(markdown).toContain('| 4<br><sub>+1</sub> | <span title="62,300,000 bytes">62.3 MB</span> |');
    expectSafe(markdown);
  });

  test('shrink', () => {
    const slim = layer(
      'deps-slim',
      120 * MB,
      'RUN /bin/sh -c apt-get install -y --no-install-recommends python3 # buildkit',
    );
    const markdown = render(
      buildSizeReport(image(`${REF}:pr-44`, [platform('linux/amd64', [base.os, slim, base.app])]), main),
    );
    expect(markdown).toMatchSnapshot();
    expect(markdown.split('\n')[0]).toBe(
      '### 🔻 Image size: <span title="-30,000,000 bytes">-30.0 MB</span> (-10.0%) per pull',
    );
    expect(markdown).toContain('#### `linux/amd64`: 1 layer added, 1 layer removed');
    expectSafe(markdown);
  });

  test('several platforms moving apart: the largest per-pull change, the range, the total labelled', () => {
    const armBase = [
      layer('os-arm', 90 * MB, 'ADD rootfs.tar /'),
      layer('deps-arm', 140 * MB, 'RUN apt-get install -y python3'),
    ];
    const armPr = [armBase[0], armBase[1], layer('tiny-arm', 200_000, 'RUN echo hi > /etc/motd')];
    const markdown = render(
      buildSizeReport(
        image(`${REF}:pr-45`, [platform('linux/amd64', prLayers), platform('linux/arm64', armPr)]),
        image(`${REF}:main`, [platform('linux/amd64', mainLayers), platform('linux/arm64', armBase)]),
      ),
    );
    expect(markdown).toMatchSnapshot();
    // One pull of linux/amd64 grows by 12.3 MB, of linux/arm64 by 200 kB: never the 12.5 MB sum.
    expect(markdown.split('\n')[0]).toBe(
      '### 🔶 Image size: up to <span title="+12,300,000 bytes">+12.3 MB</span> (+4.1%) per pull (`linux/amd64`)',
    );
    expect(markdown).toContain(
      'The change per pull ranges from <span title="+200,000 bytes">+200 kB</span> to ' +
        '<span title="+12,300,000 bytes">+12.3 MB</span> over the platforms.',
    );
    // The sum is there, as a total.
    expect(markdown).toContain(
      '<sub>Total over 2 platforms (a registry stores them all; no node pulls them all): ' +
        '<span title="530,000,000 bytes">530 MB</span> → <span title="542,500,000 bytes">543 MB</span>, ' +
        '<span title="+12,500,000 bytes">+12.5 MB</span>.</sub>',
    );
    expect(markdown).toMatch(/^\| 🔶 `linux\/amd64` \|/m);
    expect(markdown).toMatch(/^\| 🔸 `linux\/arm64` \|/m);
    expect(markdown).toContain('#### `linux/arm64`: 1 layer added');
    expectSafe(markdown);
  });

  test('a platform added: shown as new, its layers listed, left out of the headline', () => {
    const arm = platform('linux/arm64', [layer('os-arm', 90 * MB, 'ADD rootfs.tar /')]);
    const markdown = render(
      buildSizeReport(image(`${REF}:pr-46`, [platform('linux/amd64', mainLayers), arm]), main),
    );
    expect(markdown).toMatchSnapshot();
    expect(markdown.split('\n')[0]).toBe('### ⚪ Image size: no size change');
    expect(markdown).toContain('`linux/amd64`, of the 1 platform both images have.');
    expect(markdown).toContain(
      '| 🆕 `linux/arm64` | <span title="90,000,000 bytes">90.0 MB</span><br><sub>new platform</sub> |',
    );
    expect(markdown).toContain('<details><summary>New platform: 1 layer, 90.0 MB compressed</summary>');
    expectSafe(markdown);
  });

  test('a platform removed: listed under the table', () => {
    const withS390x = image(`${REF}:main`, [
      platform('linux/amd64', mainLayers),
      platform('linux/s390x', [layer('os-s390x', 95 * MB)]),
    ]);
    const markdown = render(buildSizeReport(growth, withS390x));
    expect(markdown).toMatchSnapshot();
    expect(markdown).toContain('\n\n➖ **Platforms removed:** `linux/s390x`\n\n');
    expectSafe(markdown);
  });

  test('no platform in common with the baseline', () => {
    const markdown = render(
      buildSizeReport(growth, image(`${REF}:main`, [platform('linux/s390x', [base.os])])),
    );
    expect(markdown.split('\n')[0]).toBe('### 🆕 Image size: no platform in common with the baseline');
    expect(markdown).toContain('the baseline `ghcr.io/acme/shop-api:main` has none of them.');
    expectSafe(markdown);
  });

  test('figures that were not measured show as a dash, without a change', () => {
    const manifestsOnly = (m: ImageMeasurement): ImageMeasurement => ({
      ...m,
      platforms: m.platforms.map((p) => ({
        ...p,
        uncompressed: null,
        wasted: null,
        layers: p.layers.map((l) => ({ ...l, uncompressed: null })),
      })),
    });
    const markdown = render(buildSizeReport(manifestsOnly(growth), manifestsOnly(main)));
    expect(markdown).toContain(' (+4.1%)</sub> | – | – | 4<br><sub>+1</sub> |');
    expectSafe(markdown);
  });

  describe('budget verdict', () => {
    const report = buildSizeReport(growth, main);
    const rules = parseBudget(['max-increase=10MB', 'max-increase-percent=2.5', 'max-compressed=1GB']);

    test('fail: the rules broken, with limits and actual figures', () => {
      const markdown = render(report, { budget: evaluateBudget(report, rules, 'fail') });
      expect(markdown).toMatchSnapshot();
      expect(markdown).toContain(
        [
          '❌ **Size budget exceeded:** this check fails.',
          '',
          '| Platform | Rule | Limit | Actual |',
          '| :-- | :-- | --: | --: |',
          '| `linux/amd64` | `max-increase=10MB` | <span title="10,000,000 bytes">10.0 MB</span> | <span title="+12,300,000 bytes">+12.3 MB</span> |',
          '| `linux/amd64` | `max-increase-percent=2.5` | 2.5% | +4.1% |',
        ].join('\n'),
      );
      expectSafe(markdown);
    });

    test('warn says it only warns', () => {
      const markdown = render(report, { budget: evaluateBudget(report, rules, 'warn') });
      expect(markdown).toContain('⚠️ **Size budget exceeded** (a warning: `budget-action` is `warn`).');
      expect(markdown).not.toContain('this check fails');
    });

    test('pass', () => {
      const budget: Budget = evaluateBudget(report, parseBudget(['max-compressed=1GB']), 'fail');
      const markdown = render(report, { budget });
      expect(markdown).toContain('\n\n✅ **Size budget:** every rule holds.\n\n');
    });

    test('rules that need a baseline that could not be read: not checked, per budget-action', () => {
      const unread = buildSizeReport(growth, null, {
        status: 'unavailable',
        ref: 'ghcr.io/acme/shop-api:main',
        problem: 'unreachable',
        reason: 'down',
      });
      const failing = render(unread, { budget: evaluateBudget(unread, rules, 'fail') });
      expect(failing).toContain(
        '\n\n❌ **Size budget not checked:** `max-increase=10MB` (`linux/amd64`), ' +
          '`max-increase-percent=2.5` (`linux/amd64`) need the baseline, which could not be read: ' +
          'this check fails.\n\n',
      );
      expect(failing).not.toContain('every rule holds');
      const warning = render(unread, { budget: evaluateBudget(unread, rules, 'warn') });
      expect(warning).toContain('(a warning: `budget-action` is `warn`).');
      expectSafe(failing);
    });

    test('a rule for a platform the image does not have: not checked, per budget-action', () => {
      const budget = evaluateBudget(report, parseBudget(['linux/s390x: max-compressed=1GB']), 'fail');
      const markdown = render(report, { budget });
      expect(markdown).toContain(
        '\n\n❌ **Size budget not checked:** `linux/s390x: max-compressed=1GB` names a platform the image ' +
          'does not have: this check fails.\n\n',
      );
      expect(markdown).not.toContain('every rule holds');
      expectSafe(markdown);
    });

    test('a rule written with a pipe or a mention stays one cell', () => {
      const budget: Budget = {
        status: 'fail',
        violations: [{ platform: 'linux/amd64|x', rule: 'max-compressed=1B|@org/team', limit: 1, actual: 2 }],
      };
      expectSafe(render(report, { budget }));
    });
  });

  test('chart: a Mermaid bar per layer, labelled by number; added layers a second series in blue', () => {
    const markdown = render(buildSizeReport(growth, main), { chart: true });
    expect(markdown).toMatchSnapshot();
    expect(markdown).toContain(
      [
        '```mermaid',
        '%%{init: {"xyChart": {"height": 260, "titleFontSize": 14, "xAxis": {"labelFontSize": 12}, "yAxis": {"labelFontSize": 11}}, "themeVariables": {"xyChart": {"plotColorPalette": "#8c959f, #0969da"}}}}%%',
        'xychart-beta',
        '  title "linux/amd64: compressed MB, per layer (+ added, in blue)"',
        '  x-axis "Layer" ["1", "2", "+3", "+4"]',
        '  y-axis "MB" 0 --> 160',
        '  bar [100, 150, 0, 0]',
        '  bar [0, 0, 12, 50.3]',
        '```',
      ].join('\n'),
    );
    expectSafe(markdown);
  });

  test('chart: a layer under 1 kB among MB layers is a small bar, never 0', () => {
    const report = buildSizeReport(
      image(`${REF}:x`, [platform('linux/amd64', [layer('big', 5 * MB), layer('tiny', 300)])]),
      null,
    );
    const bars = render(report, { chart: true })
      .split('\n')
      .find((l) => l.startsWith('  bar'));
    expect(bars).toBe('  bar [5, 0.0003]');
  });

  test('chart: the 20 largest of many layers, in image order; a hostile platform name stays a string', () => {
    const layers = Array.from({ length: 30 }, (_, i) => layer(`l${i}`, (i % 10) * 1000 + i + 1));
    const markdown = render(
      buildSizeReport(image(`${REF}:x`, [platform('linux/amd64"]\nbar [9', layers)]), null),
      { chart: true },
    );
    const lines = markdown.split('\n');
    const axis = lines.find((l) => l.startsWith('  x-axis'))!;
    const labels = JSON.parse(axis.slice('  x-axis "Layer" '.length)) as string[];
    expect(labels).toHaveLength(20);
    expect(labels.map(Number)).toEqual([...labels.map(Number)].sort((a, b) => a - b));
    // The 10 smallest are out: layers 1, 11, 21 (1, 11, 21 bytes), 2, 12, 22, 3, 13, 23 and 4.
    expect(labels).toEqual([
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '14',
      '15',
      '16',
      '17',
      '18',
      '19',
      '20',
      '24',
      '25',
      '26',
      '27',
      '28',
      '29',
      '30',
    ]);
    expect(lines.find((l) => l.startsWith('  title'))).toBe(
      '  title "linux/amd64__ _ bar _9: compressed kB, 20 largest layers"',
    );
  });

  test('the marker is last, and a key cannot close the comment', () => {
    const key = 'app --> <img src=x> -->';
    const markdown = renderReport(buildSizeReport(growth, main), { key });
    const marker = commentMarker(key);
    expect(marker).toBe('<!-- shipshape:app%20%2D-%3E%20%3Cimg%20src=x%3E%20%2D-%3E -->');
    expect(markdown.endsWith(`\n\n${marker}`)).toBe(true);
    expect(marker.slice('<!-- '.length, -' -->'.length)).not.toMatch(/--|>/);
    expect(commentMarker(key)).toBe(marker);
  });

  test("a title of the caller's, escaped", () => {
    const markdown = render(buildSizeReport(growth, main), { title: 'API image <b>@team</b>' });
    expect(markdown.split('\n')[0]).toBe(
      '### 🔶 API image \\<b\\>\\@\u200Bteam\\<\\/b\\>: <span title="+12,300,000 bytes">+12.3 MB</span> (+4.1%) per pull',
    );
  });

  test("maxLength must leave room for a report and stay under GitHub's limit", () => {
    const report = buildSizeReport(growth, main);
    expect(() => render(report, { maxLength: 65_536 })).toThrow(RangeError);
    expect(() => render(report, { maxLength: 999 })).toThrow(RangeError);
    expect(render(report, { maxLength: 65_535 })).toBe(render(report));
  });
});

// ---- Size: always under the limit, trimmed from the layer lists, then the chart. ----

describe('renderReport under the length limit', () => {
  const manyLayers = Array.from({ length: 500 }, (_, i) =>
    layer(
      `many-${i}`,
      10_000 + i * 1_000,
      `RUN /bin/sh -c ./step.sh ${i} --with-a-long-option /srv/data/${i} # buildkit`,
    ),
  );
  const manyMain = image(`${REF}:main`, [platform('linux/amd64', manyLayers.slice(0, 250))]);
  const manyPr = image(`${REF}:pr-47`, [platform('linux/amd64', manyLayers)]);

  test('500 layers: trimmed under the limit, the largest kept, the trim said, the marker last', () => {
    const markdown = render(buildSizeReport(manyPr, manyMain), { chart: true });
    expect(markdown).toMatchSnapshot();
    expect(size(markdown)).toBeLessThanOrEqual(65_000);
    expect(markdown.length).toBeLessThan(65_536);
    expect(markdown).toContain(
      '✂️ **Trimmed to fit a GitHub comment** (65,536 characters): layer lists show only the largest layers. ' +
        'The `size-report` output has every layer.',
    );
    // Unchanged layers go first; the added ones are trimmed from the smallest.
    expect(markdown).toContain(
      '<details><summary>250 unchanged layers, 33.6 MB compressed</summary>\n\n' +
        '<sub>250 unchanged layers (33.6 MB compressed) not shown.</sub>',
    );
    expect(markdown).toContain('`RUN ./step.sh 499 --with-a-long-option /srv/data/499`');
    expect(markdown).not.toContain('`RUN ./step.sh 250 --with-a-long-option /srv/data/250`');
    expect(markdown).toContain(
      '\n\n<sub>…and 4 smaller changed layers (1.05 MB compressed) not shown.</sub>\n\n',
    );
    // The chart stays: lists go first.
    expect(markdown).toContain('```mermaid');
    expectSafe(markdown);
  });

  test('the same report under a small limit', () => {
    const markdown = render(buildSizeReport(manyPr, manyMain), { maxLength: 5_000 });
    expect(size(markdown)).toBeLessThanOrEqual(5_000);
    expect(markdown).toContain('✂️ **Trimmed');
    expectSafe(markdown, 5_000);
  });

  test('the chart goes when the lists alone are not enough', () => {
    const platforms = Array.from({ length: 30 }, (_, i) =>
      platform(
        `linux/arch${i}`,
        Array.from({ length: 20 }, (_, j) =>
          layer(`p${i}-${j}`, (j + 1) * 100_000 + i * 10_000, `RUN step ${j}`),
        ),
      ),
    );
    const report = buildSizeReport(image(`${REF}:pr-48`, platforms), null);
    const withChart = render(report, { chart: true });
    expect(size(withChart)).toBeGreaterThan(20_000);
    const markdown = render(report, { chart: true, maxLength: 20_000 });
    expect(size(markdown)).toBeLessThanOrEqual(20_000);
    expect(markdown).not.toContain('```mermaid');
    expect(markdown).toContain('the layer chart is left out');
    // With the room the chart left, some rows are back.
    expect(markdown).toContain('| Layer | Compressed | Uncompressed | Created by |');
    expectSafe(markdown, 20_000);
  });

  test('thousands of platforms: cut short at a line, every <details> closed, the marker last', () => {
    const platforms = Array.from({ length: 3_000 }, (_, i) =>
      platform(`linux/arch${i}`, [layer(`only-${i}`, 1_000 + i, 'RUN x')]),
    );
    const markdown = render(buildSizeReport(image(`${REF}:pr-49`, platforms), null));
    expect(size(markdown)).toBeLessThanOrEqual(65_000);
    expect(markdown).toContain(
      '✂️ **Cut short to fit a GitHub comment:** the rest of this report is in the `size-report` output.',
    );
    expectSafe(markdown);
  });

  test('cut short anywhere, inside a <details> too: every one is closed', () => {
    const platforms = Array.from({ length: 12 }, (_, i) =>
      platform(`linux/arch${i}`, [layer(`d-${i}`, 1_000 + i * 100, 'RUN x')]),
    );
    const report = buildSizeReport(image(`${REF}:pr-50`, platforms), null);
    let cutInside = 0;
    for (let maxLength = 1_000; maxLength < 5_000; maxLength += 17) {
      const markdown = render(report, { maxLength });
      if (!markdown.includes('✂️ **Cut short')) continue;
      expectSafe(markdown, maxLength);
      // A block cut right after its summary line, closed by the cut.
      if (markdown.includes('</summary>\n\n</details>')) cutInside++;
    }
    expect(cutInside).toBeGreaterThan(5);
  });
});

// ---- Hostile strings: whatever a PR's author writes stays text. ----

describe('renderReport with hostile strings', () => {
  const hostile = [
    'RUN echo "a | b" | tee /x',
    'RUN echo `id` ``` ```` `',
    '<details><summary>click</summary>',
    '<img src=x onerror=alert(1)>',
    'RUN curl https://x | sh @org/team please review',
    'fixes #123 and GH-7, see acme/app#9',
    'RUN printf "\u0000\u0007\u001b[31mred\u202Eevil\u2066"',
    'RUN echo\nmulti\r\nline | end\\',
    '| --- | --- |',
    '\\| \\\\| `\\|`',
    '*bold* _it_ [x](javascript:alert(1)) ![i](http://x/i.png) $x$ :+1: ~~s~~ <!-- -->',
    'x'.repeat(100_000),
  ];
  const hostileLayers = (count: number) =>
    Array.from({ length: count }, (_, i) =>
      layer(`hostile-${count}-${i}`, 1_000_000 + i, hostile[i % hostile.length]),
    );

  test('instructions, refs and platforms from the author stay text; rows keep their columns', () => {
    const pr = image(`${REF}:pr-1|<img src=x>@admin\n#7`, [
      platform('linux/amd64|`x`', hostileLayers(hostile.length)),
    ]);
    const baselineImage = image('ghcr.io/acme/app:main <details>', [platform('linux/amd64|`x`', [])]);
    const report = buildSizeReport(pr, baselineImage);
    const markdown = render(report, { chart: true });
    expect(markdown).toMatchSnapshot();
    expectSafe(markdown);
    // The 100 kB line is cut to a readable length.
    expect(markdown).toContain('`' + 'x'.repeat(159) + '…`');
  });

  test('10,000 hostile layers: under the limit, safe, in reasonable time', () => {
    const started = performance.now();
    const pr = image(`${REF}:pr-2`, [platform('linux/amd64', hostileLayers(10_000))]);
    const markdown = render(buildSizeReport(pr, main), { chart: true });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(size(markdown)).toBeLessThanOrEqual(65_000);
    expect(markdown).toContain('✂️ **Trimmed');
    expectSafe(markdown);
  });
});

// ---- Advice: "Ways to shrink this image". ----

describe('renderReport with advice', () => {
  const DOCKERFILE = 'app/docker/Dockerfile';
  const entry = (
    rule: string,
    line: number,
    bytes: number,
    extra: Partial<AdviceEntry> = {},
  ): AdviceEntry => ({
    rule,
    file: DOCKERFILE,
    line,
    endLine: line,
    bytes,
    message: `message of ${rule} on line ${line}`,
    fix: `fix of ${rule}`,
    // what an edit's claim looks like; copy-before-install's bytes are no saving (savings.ts)
    ...(rule !== 'copy-before-install' && { saves: bytes }),
    platforms: ['linux/amd64', 'linux/arm64'],
    ...extra,
  });
  const twoPlatforms = image(`${REF}:pr-60`, [
    platform('linux/amd64', prLayers, 2 * MB),
    platform('linux/arm64', prLayers, 2 * MB),
  ]);
  const advice: AdviceEntry[] = [
    entry('package-cache', 4, 38_200_000, {
      endLine: 6,
      message: 'apt lists and archives left in the layer: `/var/lib/apt/lists` (38 MB)',
      fix: 'add `rm -rf /var/lib/apt/lists/*` at the end of the same RUN',
    }),
    entry('hidden-bytes', 8, 21_000_000, {
      message: '`/opt/sdk.tar` (21 MB) added on line 8 is deleted by line 9 but stays in the image',
      fix: 'download, unpack and delete in one RUN',
      platforms: ['linux/arm64'],
    }),
    entry('add-not-archive', 11, 5_500_000),
    entry('merge-runs', 9, 3_000_000, { endLine: 10 }),
    entry('copy-before-install', 12, 2_100_000),
    entry('single-stage-toolchain', 5, 1_900_000),
    entry('base-share', 1, 1_200_000),
  ];
  const report = (entries: AdviceEntry[] | undefined, measured = twoPlatforms) => ({
    ...buildSizeReport(measured, main),
    ...(entries && { advice: entries }),
  });

  test('largest first with the total; five open, the rest collapsed; platform-only findings say so', () => {
    const markdown = render(report(advice));
    expect(markdown).toMatchSnapshot();
    expectSafe(markdown);
    expect(markdown).toContain(
      // copy-before-install's 2.1 MB are rebuilt layers, not a saving (advise/savings.ts)
      '#### 💡 Ways to shrink this image: up to <span title="70,800,000 bytes">70.8 MB</span>\n\n' +
        '7 findings in `app/docker/Dockerfile`, largest savings first',
    );
    const section = markdown.slice(markdown.indexOf('#### 💡'), markdown.indexOf('#### `linux/amd64`'));
    const open = section.slice(0, section.indexOf('<details>'));
    expect(open.match(/^\| (<span|–)/gm)).toHaveLength(5);
    expect(section).toContain('<details><summary>2 more findings, up to 3.10 MB</summary>');
    expect(section).toContain('| – | 12 | `copy-before-install` message');
    // lines, rule ids as code, backticked text of the rule as code, the rest escaped
    expect(section).toContain(
      '| 4–6 | `package-cache` apt lists and archives left in the layer\\: `/var/lib/apt/lists` \\(38 MB\\)',
    );
    expect(section).toContain(
      '<br>**Fix:** add `rm -rf /var/lib/apt/lists/*` at the end of the same RUN' +
        '<br><sub>Silence with `# shipshape-ignore package-cache` above the instruction</sub> |',
    );
    expect(section).toContain('<sub>only on `linux/arm64`</sub>');
    expect(section.match(/<sub>only on/g)).toHaveLength(1);
    // before the layer sections, after the platform table
    expect(markdown.indexOf('| Platform |')).toBeLessThan(markdown.indexOf('#### 💡'));
  });

  test('no advice, or advice that found nothing: no section', () => {
    expect(render(report(undefined))).not.toContain('Ways to shrink');
    expect(render(report([]))).not.toContain('Ways to shrink');
    expect(render(report([]))).toBe(render(report(undefined)));
  });

  test('findings from several files name the file on each row', () => {
    const markdown = render(report([entry('a', 1, MB), entry('b', 2, MB, { file: 'other/Dockerfile' })]));
    expect(markdown).toContain('| `app/docker/Dockerfile` 1 |');
    expect(markdown).toContain('| `other/Dockerfile` 2 |');
    expectSafe(markdown);
  });

  test("the author's text in messages, fixes and paths stays text; rows keep their columns", () => {
    const hostile = [
      'a | b `c | d` | e',
      'odd ` backtick | x',
      '<img src=x onerror=alert(1)> <details><summary>x',
      '@org/team see #12 GH-3',
      'line\nbreak\r\n| --- |',
      '\u001b[31mred\u202Eevil',
      '``` fence ```` `',
      'x'.repeat(10_000),
    ];
    const entries = hostile.map((text, i) =>
      entry(`rule-${i}`, i + 1, (20 - i) * MB, {
        file: `dir|${text}`,
        message: text,
        fix: text,
        // a saved report's rule id is anyone's text too: it is in the silence hint
        rule: `rule|${i} ${text.slice(0, 40)}`,
        platforms: [`linux/amd64|${text}`],
      }),
    );
    const markdown = render(report(entries));
    // Prose is backslash-escaped: `\\<img` is the text "<img", as `&lt;img` would be.
    expectSafe(markdown.replace(/\\</g, '&lt;'));
    expect(markdown).toContain('odd `` ` `` backtick \\| x<br>');
    expect(markdown).toContain('\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    expect(markdown).not.toContain('x'.repeat(401));
  });

  test('thousands of long findings: at most 30 shown, the rest counted, under the limit', () => {
    const entries = Array.from({ length: 3_000 }, (_, i) =>
      entry('package-cache', i + 1, 3_000 * MB - i, { message: 'm'.repeat(400), fix: 'f'.repeat(400) }),
    );
    const markdown = render(report(entries));
    expectSafe(markdown);
    expect(markdown.match(/^\| <span title="[\d,]+ bytes">[^|]+\| \d+ \| `package-cache`/gm)).toHaveLength(
      30,
    );
    expect(markdown).toContain('<sub>…and 2,970 smaller findings (');
  });

  test('layer lists go before advice when the comment must be trimmed', () => {
    const manyLayers = Array.from({ length: 400 }, (_, i) =>
      layer(
        `trim-${i}`,
        10_000 + i,
        `RUN /bin/sh -c ./step.sh ${i} --a-long-option /srv/data/${i} # buildkit`,
      ),
    );
    const big = image(`${REF}:pr-61`, [platform('linux/amd64', manyLayers)]);
    const markdown = render(report(advice, big), { maxLength: 8_000 });
    expectSafe(markdown, 8_000);
    expect(markdown).toContain('✂️ **Trimmed');
    expect(markdown).toContain('7 findings in `app/docker/Dockerfile`');
    expect(markdown).toContain('`base-share`');
  });

  test('under a limit too small for all of it, the largest findings stay', () => {
    const entries = Array.from({ length: 30 }, (_, i) =>
      entry(`rule-${i}`, i + 1, (100 - i) * MB, { message: 'm'.repeat(300) }),
    );
    const markdown = render(report(entries), { maxLength: 4_000 });
    expectSafe(markdown, 4_000);
    expect(markdown).toContain('`rule-0`');
    expect(markdown).not.toContain('`rule-29`');
    expect(markdown).toMatch(/<sub>…and \d+ smaller findings/);
  });
});

// ---- Per pull, alike platforms, paths, context (issue 14). ----

describe('renderReport: what a reviewer reads first', () => {
  const withPaths = (report: SizeReport, paths: NonNullable<SizeReport['platforms'][number]['paths']>) => ({
    ...report,
    platforms: report.platforms.map((p) => ({ ...p, paths })),
  });

  test('two platforms that moved alike: one per-pull figure, one table under both names', () => {
    const arm = (l: LayerMeasurement) => ({ ...l, digest: digest(`arm-${l.digest}`) });
    const report = buildSizeReport(
      image(`${REF}:pr-60`, [platform('linux/amd64', prLayers), platform('linux/arm64', prLayers.map(arm))]),
      image(`${REF}:main`, [
        platform('linux/amd64', mainLayers),
        platform('linux/arm64', mainLayers.map(arm)),
      ]),
    );
    const markdown = render(report);
    expect(markdown.split('\n')[0]).toBe(
      '### 🔶 Image size: <span title="+12,300,000 bytes">+12.3 MB</span> (+4.1%) per pull',
    );
    expect(markdown).toContain('each of the 2 platforms alike.');
    expect(markdown).toContain('<sub>Total over 2 platforms');
    expect(markdown).toContain('#### `linux/amd64`, `linux/arm64` (alike): 2 layers added, 1 layer removed');
    expect(markdown).not.toContain('#### `linux/arm64`');
    expect(markdown.split('\n').filter((l) => l.startsWith('| ➕ |'))).toHaveLength(2);
    expectSafe(markdown);
  });

  test.each([
    ['sizes within 1%, a base layer of its own size: one table', 1.004, 0.8, true],
    ['an added layer 10% larger: a table each', 1.1, 1, false],
  ])('alike or not: %s', (_, grow, baseScale, alike) => {
    const arm = (l: LayerMeasurement, scale: number) => ({
      ...l,
      digest: digest(`arm-${l.digest}`),
      compressed: Math.round(l.compressed * scale),
      uncompressed: Math.round(l.uncompressed! * scale),
    });
    const armMain = [arm(base.os, baseScale), arm(base.deps, 1), arm(base.app, 1)];
    const armPr = [armMain[0], armMain[1], arm(grown.pip, grow), arm(grown.app, 1)];
    const markdown = render(
      buildSizeReport(
        image(`${REF}:pr-61`, [platform('linux/amd64', prLayers), platform('linux/arm64', armPr)]),
        image(`${REF}:main`, [platform('linux/amd64', mainLayers), platform('linux/arm64', armMain)]),
      ),
    );
    expect(markdown.includes('#### `linux/amd64`, `linux/arm64` (alike)')).toBe(alike);
    expect(markdown.includes('#### `linux/arm64`:')).toBe(!alike);
    if (alike) expect(markdown).toContain('shown once, with the figures of `linux/amd64`.</sub>');
    expectSafe(markdown);
  });

  test('the changed paths: collapsed, top 10, marked new, removed or before → after', () => {
    const paths = [
      {
        path: '/usr/lib/python3.11',
        before: 1 * MB,
        after: 46 * MB,
        delta: 45 * MB,
        status: 'grown' as const,
      },
      { path: '/root/.cache/pip', before: 0, after: 12 * MB, delta: 12 * MB, status: 'new' as const },
      { path: '/var/lib/apt/lists', before: 3 * MB, after: 0, delta: -3 * MB, status: 'removed' as const },
      ...Array.from({ length: 20 }, (_, i) => ({
        path: `/opt/p${i}`,
        before: 0,
        after: 1000 - i,
        delta: 1000 - i,
        status: 'new' as const,
      })),
    ];
    const markdown = render(withPaths(buildSizeReport(growth, main), paths));
    expect(markdown).toContain(
      '<details><summary>📂 Paths that changed: +57.0 MB grew, 3.00 MB shrank (uncompressed, top 10)</summary>',
    );
    expect(markdown).toContain(
      '| `/usr/lib/python3.11` | <span title="+45,000,000 bytes">+45.0 MB</span> | ' +
        '<span title="1,000,000 bytes">1.00 MB</span> → <span title="46,000,000 bytes">46.0 MB</span> |',
    );
    expect(markdown).toContain(
      '| `/root/.cache/pip` | <span title="+12,000,000 bytes">+12.0 MB</span> | new |',
    );
    expect(markdown).toContain(
      '| `/var/lib/apt/lists` | <span title="-3,000,000 bytes">-3.00 MB</span> | removed |',
    );
    expect(markdown).toContain('…and 13 smaller paths: the `size-report` output lists them.');
    expectSafe(markdown);
  });

  test.each([
    ['backticks', '/app/``evil`` `x`'],
    ['pipes', '/app/a|b||c\\|d'],
    ['HTML', '/app/<img src=x onerror=alert(1)><script>x</script>'],
    ['a newline and a tab', '/app/line\none\ttab'],
    ['mentions and issue refs', '/app/@org/#12/gh-34'],
    ['a bidi override', '/app/\u202Egnp.exe'],
    ['markdown', '/app/[link](javascript:x) **bold** <details>'],
  ])('a hostile path name (%s) stays text in one cell', (_, path) => {
    const paths = [{ path, before: 0, after: 5000, delta: 5000, status: 'new' as const }];
    const markdown = render(withPaths(buildSizeReport(growth, main), paths));
    const row = markdown.split('\n').find((l) => l.startsWith('| ') && l.includes('+5.00 kB'))!;
    expect(cellCount(row)).toBe(3);
    expectSafe(markdown);
  });

  test('the path list is the first thing shortened', () => {
    const long = Array.from({ length: 10 }, (_, i) => ({
      path: `/${'x'.repeat(190)}${i}`,
      before: 0,
      after: 5000,
      delta: 5000,
      status: 'new' as const,
    }));
    const report = withPaths(buildSizeReport(growth, main), long);
    const full = render(report);
    const markdown = render(report, { maxLength: size(full) - 500 });
    expect(markdown).toContain('📂 Paths that changed');
    expect(markdown.split('\n').filter((l) => l.startsWith('| `/xxx')).length).toBeLessThan(10);
    // every layer row is still there
    expect(markdown.split('\n').filter((l) => /^\| [➕➖] \|/.test(l))).toHaveLength(3);
  });

  test('context: the commit and the run linked, the time; advice lines link the Dockerfile at that commit', () => {
    const sha = 'a'.repeat(40);
    const advice: AdviceEntry[] = [
      {
        rule: 'package-cache',
        file: 'docker/my app (v2)/Dockerfile',
        line: 7,
        endLine: 9,
        bytes: 5 * MB,
        message: 'apt lists left in the layer',
        fix: 'add `rm -rf /var/lib/apt/lists/*`',
        platforms: ['linux/amd64'],
      },
    ];
    const markdown = render(
      { ...buildSizeReport(growth, main), advice },
      {
        context: {
          serverUrl: 'https://ghes.example.com/',
          repository: 'acme/shop',
          sha,
          runId: '123456',
          updatedAt: '2026-12-05T05:20:31.000Z',
        },
      },
    );
    expect(markdown).toContain(
      `<sub>Commit [aaaaaaa](https://ghes.example.com/acme/shop/commit/${sha}) · ` +
        '[workflow run](https://ghes.example.com/acme/shop/actions/runs/123456) · updated 2026-12-05 05:20 UTC</sub>',
    );
    expect(markdown).toContain(
      `| [7–9](https://ghes.example.com/acme/shop/blob/${sha}/docker/my%20app%20%28v2%29/Dockerfile#L7) |`,
    );
    expectSafe(markdown);
  });

  test.each([
    [
      'a server URL with a quote',
      { serverUrl: 'https://x.com/"onmouseover=1', repository: 'a/b', sha: 'a'.repeat(40) },
    ],
    [
      'a repository with a path',
      { serverUrl: 'https://github.com', repository: 'a/b/../c', sha: 'a'.repeat(40) },
    ],
    ['a sha that is not hex', { serverUrl: 'https://github.com', repository: 'a/b', sha: 'main)[x](y' }],
  ])('no link from %s', (_, context) => {
    const markdown = render(buildSizeReport(growth, main), { context });
    expect(markdown).not.toContain('](');
    expectSafe(markdown);
  });

  test('change-thresholds decide the icon', () => {
    const report = buildSizeReport(growth, main);
    expect(render(report).split('\n')[0]).toMatch(/^### 🔶/);
    const strict = { small: { percent: 0.1, bytes: 1 }, large: { percent: 1, bytes: 1000 } };
    expect(render(report, { thresholds: strict }).split('\n')[0]).toMatch(/^### 🔺/);
  });
});
