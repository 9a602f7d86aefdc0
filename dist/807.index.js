export const id = 807;
export const ids = [807];
export const modules = {

/***/ 2807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSizeStep: () => (/* binding */ runSizeStep)
});

// EXTERNAL MODULE: ./src/compare/budget.ts
var compare_budget = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/steps/measure.ts + 3 modules
var measure = __webpack_require__(5828);
// EXTERNAL MODULE: ./src/steps/advice.ts + 16 modules
var steps_advice = __webpack_require__(892);
// EXTERNAL MODULE: ./src/render/marker.ts
var marker = __webpack_require__(1376);
// EXTERNAL MODULE: ./src/oci/history.ts
var oci_history = __webpack_require__(633);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/report/savings.ts
var savings = __webpack_require__(5537);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
;// CONCATENATED MODULE: ./src/render/icons.ts
/**
 * How big a change is, graded for the icon a reader sees first. Relative change matters for a
 * small image, absolute bytes for a big one: either can raise the grade.
 */
/** From this share of the baseline (percent) or this many bytes, a change is small, then large. */
const GRADE_THRESHOLDS = {
    small: { percent: 1, bytes: 5_000_000 },
    large: { percent: 10, bytes: 50_000_000 },
};
const GRADE_ICONS = {
    'no-baseline': '🆕',
    none: '⚪',
    'tiny-growth': '🔸',
    'small-growth': '⚠️',
    'large-growth': '🚨',
    'tiny-shrink': '🔹',
    'small-shrink': '✅',
    'large-shrink': '🎉',
};
/** `delta` null: nothing to compare with. `base` is the baseline's size (0 gives bytes only). */
function gradeChange(delta, base) {
    if (delta === null)
        return 'no-baseline';
    if (delta === 0)
        return 'none';
    const bytes = Math.abs(delta);
    const percent = base > 0 ? (bytes / base) * 100 : 0;
    const reaches = (level) => bytes >= level.bytes || (base > 0 && percent >= level.percent);
    const size = reaches(GRADE_THRESHOLDS.large) ? 'large' : reaches(GRADE_THRESHOLDS.small) ? 'small' : 'tiny';
    return `${size}-${delta > 0 ? 'growth' : 'shrink'}`;
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
/**
 * The size report as GitHub markdown: one renderer for the sticky PR comment and the job
 * summary. A headline with the total compressed change and an icon, the budget's verdict, a
 * table per platform, the layers that changed (and the instruction that made them), unchanged
 * layers collapsed, an optional Mermaid chart, and a footer whose hidden marker finds the
 * comment again. Always under GitHub's comment limit: layer lists are trimmed first (keeping the
 * largest layers), then the chart, and the comment says so. Pure: a report in, a string out.
 */






/** GitHub rejects a comment body of this many characters or more. */
const GITHUB_COMMENT_LIMIT = 65_536;
const DEFAULT_MAX_LENGTH = 65_000;
// Lengths of author text in the comment; the JSON has it whole.
const LIMITS = {
    ref: 200,
    platform: 100,
    instruction: 160,
    rule: 100,
    title: 100,
    digest: 100,
    file: 200,
    advice: 400,
    reason: 400,
};
// Findings shown open; the rest collapsed, and never more than the cap (the JSON has them all).
const ADVICE_ROWS_OPEN = 5;
const MAX_ADVICE_ROWS = 30;
// cleanCreatedBy's suffix pattern is quadratic on a long run of spaces: a huge text is cut first.
const MAX_INSTRUCTION_INPUT = 4_096;
const MAX_CHART_BARS = 20;
const MIN_MAX_LENGTH = 1_000;
/** The hidden line that finds this report's comment again; the same key gives the same line. */
function renderReport(report, options) {
    const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
    if (!(maxLength >= MIN_MAX_LENGTH && maxLength < GITHUB_COMMENT_LIMIT)) {
        throw new RangeError(`maxLength must be from ${MIN_MAX_LENGTH} to ${GITHUB_COMMENT_LIMIT - 1}`);
    }
    const prepared = prepare(report);
    const render = (limits) => renderWith(report, prepared, options, limits);
    const longest = (kind) => Math.max(0, ...prepared.sections.map((s) => (kind === 'changed' ? s.changed : s.unchanged).length));
    const fits = (limits) => size(render(limits)) <= maxLength;
    for (const chart of options.chart ? [true, false] : [false]) {
        const all = { changed: Infinity, unchanged: Infinity, chart, advice: Infinity };
        if (fits(all))
            return render(all);
        // Unchanged layers go first: they are collapsed and least read.
        const unchanged = largestFitting(longest('unchanged'), (n) => fits({ ...all, unchanged: n }));
        if (unchanged !== undefined)
            return render({ ...all, unchanged });
        const changed = largestFitting(longest('changed'), (n) => fits({ ...all, unchanged: 0, changed: n }));
        if (changed !== undefined)
            return render({ ...all, unchanged: 0, changed });
    }
    // Advice is what a reader can act on: trimmed after every layer list and the chart.
    const bare = { changed: 0, unchanged: 0, chart: false, advice: 0 };
    const advice = largestFitting(report.advice?.length ?? 0, (n) => fits({ ...bare, advice: n }));
    if (advice !== undefined)
        return render({ ...bare, advice });
    const body = renderBody(report, prepared, options, bare).blocks;
    return cutShort(body.join('\n\n'), maxLength, options.key);
}
/** The largest n in [0, max] for which fits(n) holds (fits is monotone), or undefined. */
function largestFitting(max, fits) {
    if (!fits(0))
        return undefined;
    let low = 0;
    let high = max;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (fits(mid))
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}
function prepare(report) {
    const sections = report.platforms.map((platform) => {
        const positioned = platform.layers.map((layer, i) => ({ layer, position: i + 1 }));
        const changes = platform.changes;
        if (!changes || !platform.baseline) {
            const rows = positioned.map(({ layer, position }) => layerRow(layer, position, null));
            return {
                platform,
                kind: report.baseline ? 'new' : 'alone',
                changed: largestFirst(rows),
                unchanged: [],
            };
        }
        const added = new Set(changes.added.map((l) => l.digest));
        const addedRows = positioned
            .filter(({ layer }) => added.has(layer.digest))
            .map(({ layer, position }) => layerRow(layer, position, 'added'));
        const removedRows = changes.removed.map((layer) => layerRow(layer, null, 'removed'));
        const unchangedRows = positioned
            .filter(({ layer }) => !added.has(layer.digest))
            .map(({ layer, position }) => layerRow(layer, position, null));
        return {
            platform,
            kind: 'compared',
            changed: [...largestFirst(addedRows), ...largestFirst(removedRows)],
            unchanged: largestFirst(unchangedRows),
        };
    });
    return { sections };
}
const largestFirst = (rows) => [...rows].sort((a, b) => b.layer.compressed - a.layer.compressed);
function layerRow(layer, position, change) {
    const number = position === null
        ? ''
        : `<span title="${(0,render_escape/* escapeHtml */.ZD)(layer.digest, { limit: LIMITS.digest })}">${position}</span>`;
    const cells = [number, bytes(layer.compressed), bytes(layer.uncompressed), instruction(layer.createdBy)];
    if (change !== null)
        cells.unshift(change === 'added' ? '➕' : '➖');
    return { position, layer, change, markdown: `| ${cells.join(' | ')} |` };
}
function instruction(createdBy) {
    if (createdBy === null)
        return '–';
    const text = createdBy.length > MAX_INSTRUCTION_INPUT
        ? `${(0,oci_history/* cleanCreatedBy */.xB)(createdBy.slice(0, MAX_INSTRUCTION_INPUT))}…`
        : (0,oci_history/* cleanCreatedBy */.xB)(createdBy);
    return (0,render_escape/* codeSpan */.SS)(text, { table: true, limit: LIMITS.instruction }) || '–';
}
// ---- Rendering at given limits. ----
function renderWith(report, prepared, options, limits) {
    const { blocks, trimmed } = renderBody(report, prepared, options, limits);
    const chartLeftOut = Boolean(options.chart) && !limits.chart;
    if (trimmed || chartLeftOut)
        blocks.push(trimNote(trimmed, chartLeftOut));
    blocks.push(footer(), (0,marker/* commentMarker */.Q)(options.key));
    return blocks.join('\n\n');
}
/** Everything above the notes and the footer; `trimmed` when a layer list left rows out. */
function renderBody(report, prepared, options, limits) {
    const blocks = [...headline(report, options.title)];
    if (options.budget)
        blocks.push(budgetBlock(options.budget));
    blocks.push(platformTable(report));
    if (report.removedPlatforms.length > 0) {
        const names = report.removedPlatforms.map((p) => (0,render_escape/* codeSpan */.SS)(p, { limit: LIMITS.platform }));
        blocks.push(`➖ **Platforms removed:** ${names.join(', ')}`);
    }
    if (report.advice && report.advice.length > 0) {
        blocks.push(adviceSection(report.advice, report.platforms.length, limits.advice));
    }
    let trimmed = false;
    for (const section of prepared.sections) {
        const rendered = platformSection(section, limits);
        trimmed ||= rendered.trimmed;
        blocks.push(...rendered.blocks);
    }
    return { blocks, trimmed };
}
function headline(report, title) {
    const name = (0,render_escape/* escapeMarkdown */.FV)(title || 'Image size', { limit: LIMITS.title });
    const image = (0,render_escape/* codeSpan */.SS)(report.image.ref, { limit: LIMITS.ref });
    const platformCount = plural(report.platforms.length, 'platform');
    const total = report.platforms.reduce((sum, p) => sum + p.compressed, 0);
    const unavailable = report.baselineUnavailable;
    if (!report.baseline && unavailable) {
        return [
            `### ⚠️ ${name}: baseline unavailable`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}. ` +
                `The baseline ${(0,render_escape/* codeSpan */.SS)(unavailable.ref, { limit: LIMITS.ref })} could not be compared with: ` +
                (0,render_escape/* codeSpan */.SS)(unavailable.reason, { limit: LIMITS.reason }),
        ];
    }
    if (!report.baseline) {
        return [
            `### ${GRADE_ICONS['no-baseline']} ${name}: no baseline yet`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}. ` +
                'There is no baseline image to compare it with yet.',
        ];
    }
    const baseline = (0,render_escape/* codeSpan */.SS)(report.baseline.ref, { limit: LIMITS.ref });
    const compared = report.platforms.filter((p) => p.delta && p.baseline);
    if (compared.length === 0) {
        return [
            `### ${GRADE_ICONS['no-baseline']} ${name}: no platform in common with the baseline`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}; ` +
                `the baseline ${baseline} has none of them.`,
        ];
    }
    const before = compared.reduce((sum, p) => sum + p.baseline.compressed, 0);
    const after = compared.reduce((sum, p) => sum + p.compressed, 0);
    const delta = after - before;
    const icon = GRADE_ICONS[gradeChange(delta, before)];
    const change = delta === 0 ? 'no change' : deltaWithPercent(delta, before);
    const scope = compared.length === report.platforms.length
        ? platformCount
        : `the ${plural(compared.length, 'platform')} both images have`;
    return [
        `### ${icon} ${name}: ${change}`,
        `${image} compared with ${baseline}: compressed size (what a pull downloads) ` +
            `${bytes(before)} → ${bytes(after)}, ${scope}.`,
    ];
}
function budgetBlock(budget) {
    if (budget.status === 'pass')
        return '✅ **Size budget:** every rule holds.';
    const fails = budget.status === 'fail';
    const blocks = [];
    if (budget.violations.length > 0) {
        const verdict = fails
            ? '❌ **Size budget exceeded:** this check fails.'
            : '⚠️ **Size budget exceeded** (a warning: `budget-action` is `warn`).';
        const rows = budget.violations.map((v) => `| ${(0,render_escape/* codeSpan */.SS)(v.platform, { table: true, limit: LIMITS.platform })} | ` +
            `${(0,render_escape/* codeSpan */.SS)(v.rule, { table: true, limit: LIMITS.rule })} | ${limitText(v)} | ${actualText(v)} |`);
        blocks.push([verdict, '', '| Platform | Rule | Limit | Actual |', '| :-- | :-- | --: | --: |', ...rows].join('\n'));
    }
    const unchecked = budget.unchecked ?? [];
    if (unchecked.length > 0) {
        const byRule = new Map();
        for (const u of unchecked)
            byRule.set(u.rule, [...(byRule.get(u.rule) ?? []), u.platform]);
        const rules = [...byRule].map(([rule, platforms]) => `${(0,render_escape/* codeSpan */.SS)(rule, { limit: LIMITS.rule })} (${platforms.map((p) => (0,render_escape/* codeSpan */.SS)(p, { limit: LIMITS.platform })).join(', ')})`);
        blocks.push(`${fails ? '❌' : '⚠️'} **Size budget not checked:** ${rules.join(', ')} ` +
            `${rules.length === 1 ? 'needs' : 'need'} the baseline, which could not be read` +
            (fails ? ': this check fails.' : ' (a warning: `budget-action` is `warn`).'));
    }
    const absent = budget.absent ?? [];
    if (absent.length > 0) {
        const rules = absent.map((a) => `${(0,render_escape/* codeSpan */.SS)(`${a.platform}: ${a.rule}`, { limit: LIMITS.rule + LIMITS.platform })}`);
        blocks.push(`${fails ? '❌' : '⚠️'} **Size budget not checked:** ${rules.join(', ')} ` +
            `${rules.length === 1 ? 'names a platform' : 'name platforms'} the image does not have` +
            (fails ? ': this check fails.' : ' (a warning: `budget-action` is `warn`).'));
    }
    return blocks.join('\n\n');
}
const isPercentRule = (v) => v.rule.startsWith('max-increase-percent=');
function limitText(v) {
    return isPercentRule(v) ? `${roundPercent(v.limit)}%` : bytes(v.limit);
}
function actualText(v) {
    if (isPercentRule(v))
        return `${v.actual > 0 ? '+' : ''}${roundPercent(v.actual)}%`;
    return v.rule.startsWith('max-increase=') ? signedBytes(v.actual) : bytes(v.actual);
}
const roundPercent = (percent) => String(Number(percent.toFixed(2)));
function platformTable(report) {
    const compared = report.baseline !== null;
    const header = ['Platform', 'Compressed', 'Uncompressed', 'Wasted', 'Layers'];
    if (compared)
        header.push('New to pull');
    const rows = report.platforms.map((p) => {
        const icon = GRADE_ICONS[gradeChange(p.delta?.compressed ?? null, p.baseline?.compressed ?? 0)];
        const isNew = compared && !p.baseline;
        const cells = [
            `${icon} ${(0,render_escape/* codeSpan */.SS)(p.platform, { table: true, limit: LIMITS.platform })}`,
            isNew
                ? `${bytes(p.compressed)}<br><sub>new platform</sub>`
                : figure(p.compressed, p.delta?.compressed, p.baseline?.compressed),
            figure(p.uncompressed, p.delta?.uncompressed, p.baseline?.uncompressed),
            figure(p.wasted, p.delta?.wasted, p.baseline?.wasted),
            withChange(String(p.layers.length), p.delta ? signedCount(p.delta.layerCount) : undefined),
        ];
        if (compared)
            cells.push(p.newToPull === null ? '–' : bytes(p.newToPull));
        return `| ${cells.join(' | ')} |`;
    });
    const align = header.map((_, i) => (i === 0 ? ':--' : '--:'));
    return [`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows].join('\n');
}
/** A size and, under it, its change from the baseline when both are known. */
function figure(value, delta, base) {
    if (value === null)
        return '–';
    if (delta === null || delta === undefined)
        return bytes(value);
    return withChange(bytes(value), delta === 0 ? '±0' : deltaWithPercent(delta, base ?? 0));
}
const withChange = (value, change) => change === undefined ? value : `${value}<br><sub>${change}</sub>`;
function platformSection(section, limits) {
    const p = section.platform;
    const name = (0,render_escape/* codeSpan */.SS)(p.platform, { limit: LIMITS.platform });
    const blocks = [];
    let trimmed = false;
    // Rows come largest first, so a trimmed list keeps the largest; `image` order then shows
    // them as the Dockerfile made them.
    const list = (rows, limit, order, what) => {
        const shown = rows.slice(0, limit);
        trimmed ||= shown.length < rows.length;
        if (order === 'image')
            shown.sort((a, b) => a.position - b.position);
        return layerTable(shown, rows.slice(shown.length), order === 'size', what);
    };
    if (section.kind !== 'compared') {
        const summary = `${section.kind === 'new' ? 'New platform: ' : ''}${plural(p.layers.length, 'layer')}, ${(0,format/* formatBytes */.z3)(p.compressed)} compressed`;
        blocks.push(`#### ${name}`);
        if (limits.chart)
            blocks.push(...chart(section));
        blocks.push(details(summary, list(section.changed, limits.changed, 'image', 'layer')));
        return { blocks, trimmed };
    }
    const added = p.changes.added.length;
    const removed = p.changes.removed.length;
    const changeSummary = added + removed === 0
        ? 'no layer changed'
        : [added && `${plural(added, 'layer')} added`, removed && `${plural(removed, 'layer')} removed`]
            .filter(Boolean)
            .join(', ');
    blocks.push(`#### ${name}: ${changeSummary}`);
    if (limits.chart)
        blocks.push(...chart(section));
    if (added + removed > 0)
        blocks.push(list(section.changed, limits.changed, 'size', 'changed layer'));
    if (section.unchanged.length > 0) {
        const unchangedBytes = section.unchanged.reduce((sum, r) => sum + r.layer.compressed, 0);
        const summary = `${plural(section.unchanged.length, 'unchanged layer')}, ${(0,format/* formatBytes */.z3)(unchangedBytes)} compressed`;
        blocks.push(details(summary, list(section.unchanged, limits.unchanged, 'image', 'unchanged layer')));
    }
    return { blocks, trimmed };
}
/**
 * "Ways to shrink this image": the findings largest first, the first few in a table, the rest
 * collapsed. Messages and fixes quote the Dockerfile: escaped, `code` kept as code.
 */
function adviceSection(advice, platformCount, limit) {
    const total = (0,savings/* savingsTotal */.E)(advice);
    const files = new Set(advice.map((a) => a.file));
    const oneFile = files.size === 1 ? [...files][0] : undefined;
    const shown = advice.slice(0, Math.min(limit, MAX_ADVICE_ROWS));
    const where = oneFile ? ` in ${(0,render_escape/* codeSpan */.SS)(oneFile, { limit: LIMITS.file })}` : '';
    const lines = [
        `#### 💡 Ways to shrink this image: up to ${bytes(total)}`,
        '',
        `${plural(advice.length, 'finding')}${where}, largest savings first ` +
            '(uncompressed bytes; two fixes can save the same bytes).',
    ];
    const row = (a) => {
        const span = a.endLine > a.line ? `${a.line}–${a.endLine}` : String(a.line);
        const place = oneFile ? span : `${(0,render_escape/* codeSpan */.SS)(a.file, { table: true, limit: LIMITS.file })} ${span}`;
        const only = a.platforms.length < platformCount
            ? `<br><sub>only on ${a.platforms.map((p) => (0,render_escape/* codeSpan */.SS)(p, { table: true, limit: LIMITS.platform })).join(', ')}</sub>`
            : '';
        const what = `${(0,render_escape/* codeSpan */.SS)(a.rule, { table: true, limit: LIMITS.rule })} ${ruleText(a.message)}`;
        const saves = (0,savings/* savesBytes */._)(a.rule) ? unbrokenBytes(a.bytes) : '–';
        return `| ${saves} | ${place} | ${what}<br>**Fix:** ${ruleText(a.fix)}${only} |`;
    };
    const table = (rows) => ['| Saves | Line | Finding |', '| --: | --: | :-- |', ...rows.map(row)].join('\n');
    const first = shown.slice(0, ADVICE_ROWS_OPEN);
    const rest = shown.slice(ADVICE_ROWS_OPEN);
    if (first.length > 0)
        lines.push('', table(first));
    if (rest.length > 0) {
        const restBytes = (0,savings/* savingsTotal */.E)(rest);
        lines.push('', details(`${plural(rest.length, 'more finding')}, up to ${(0,format/* formatBytes */.z3)(restBytes)}`, table(rest)));
    }
    if (shown.length < advice.length) {
        const left = advice.slice(shown.length);
        const leftBytes = (0,savings/* savingsTotal */.E)(left);
        lines.push('', `<sub>…and ${plural(left.length, 'smaller finding')} (${(0,format/* formatBytes */.z3)(leftBytes)}) not shown: ` +
            'the `size-report` output has them all.</sub>');
    }
    return lines.join('\n');
}
/** A rule's message or fix: prose escaped, and what it puts in backticks as code. */
function ruleText(text) {
    const parts = (0,render_escape/* sanitize */.aj)(text, { limit: LIMITS.advice }).split('`');
    // An odd backtick (the author's, inside a quote) opens nothing: shown as a backtick in code.
    const odd = parts.length % 2 === 0 ? parts.splice(-2, 2) : undefined;
    const rendered = parts.map((part, i) => (i % 2 === 1 ? (0,render_escape/* codeSpan */.SS)(part, { table: true }) : prose(part)));
    if (odd)
        rendered.push(prose(odd[0]), (0,render_escape/* codeSpan */.SS)('`'), prose(odd[1]));
    return rendered.join('');
}
/** Prose between code spans: escaped, with the spaces that part it from them kept. */
function prose(text) {
    const escaped = (0,render_escape/* escapeMarkdown */.FV)(text);
    if (escaped === '')
        return text === '' ? '' : ' ';
    return `${/^\s/.test(text) ? ' ' : ''}${escaped}${/\s$/.test(text) ? ' ' : ''}`;
}
function layerTable(shown, hidden, withChangeColumn, what) {
    const lines = [];
    if (shown.length > 0) {
        const header = ['Layer', 'Compressed', 'Uncompressed', 'Created by'];
        const align = ['--:', '--:', '--:', ':--'];
        if (withChangeColumn) {
            header.unshift('');
            align.unshift(':-:');
        }
        lines.push(`| ${header.join(' | ')} |`, `| ${align.join(' | ')} |`, ...shown.map((r) => r.markdown));
    }
    if (hidden.length > 0) {
        const hiddenBytes = hidden.reduce((sum, r) => sum + r.layer.compressed, 0);
        const more = shown.length > 0 ? `…and ${plural(hidden.length, `smaller ${what}`)}` : plural(hidden.length, what);
        if (lines.length > 0)
            lines.push('');
        lines.push(`<sub>${more} (${(0,format/* formatBytes */.z3)(hiddenBytes)} compressed) not shown.</sub>`);
    }
    return lines.join('\n');
}
// `<summary>` opens an HTML block, where markdown is not parsed: only our own text goes there.
const details = (summary, body) => `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
/**
 * A bar per layer (the largest ones when there are many), in image order, labelled by layer
 * number, `+` for an added layer: author text never reaches Mermaid except the platform, reduced
 * to safe characters. One series: Mermaid draws every bar down past its zero line, so a second
 * series of zeros (for colour) would leave a stub under each bar of the first.
 */
function chart(section) {
    const p = section.platform;
    if (p.layers.length === 0)
        return [];
    const added = new Set(section.kind === 'compared' ? p.changes.added.map((l) => l.digest) : []);
    const chosen = p.layers
        .map((layer, i) => ({ layer, position: i + 1 }))
        .sort((a, b) => b.layer.compressed - a.layer.compressed)
        .slice(0, MAX_CHART_BARS)
        .sort((a, b) => a.position - b.position);
    const largest = chosen.reduce((max, c) => Math.max(max, c.layer.compressed), 0);
    const [unit, scale] = largest >= 1e9 ? ['GB', 1e9] : largest >= 1e6 ? ['MB', 1e6] : largest >= 1e3 ? ['kB', 1e3] : ['B', 1];
    const which = chosen.length < p.layers.length ? `${chosen.length} largest layers` : 'per layer';
    const label = (c) => `"${added.has(c.layer.digest) ? '+' : ''}${c.position}"`;
    return [
        [
            '```mermaid',
            CHART_STYLE,
            'xychart-beta',
            `  title "${(0,render_escape/* mermaidText */.Hg)(p.platform, { limit: LIMITS.platform })}: compressed ${unit}, ${which}` +
                `${added.size > 0 ? ' (+ added)' : ''}"`,
            `  x-axis "Layer" [${chosen.map(label).join(', ')}]`,
            // From 0: Mermaid's own range starts at the smallest bar, which would then look empty.
            `  y-axis "${unit}" 0 --> ${axisTop(largest / scale)}`,
            `  bar [${chosen.map((c) => Number((c.layer.compressed / scale).toFixed(2))).join(', ')}]`,
            '```',
        ].join('\n'),
    ];
}
/** A round top for the y-axis a little above the largest bar: 14.8 -> 16, 0.25 -> 0.28. */
function axisTop(largest) {
    if (largest <= 0)
        return 1;
    const step = 10 ** Math.floor(Math.log10(largest)) / 5;
    return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}
// Low, in GitHub's grey.
const CHART_STYLE = '%%{init: {"xyChart": {"height": 260, "titleFontSize": 14, "xAxis": {"labelFontSize": 12}}, ' +
    '"themeVariables": {"xyChart": {"plotColorPalette": "#8c959f"}}}}%%';
function trimNote(listsTrimmed, chartLeftOut) {
    const what = [
        listsTrimmed && 'layer lists show only the largest layers',
        chartLeftOut && 'the layer chart is left out',
    ].filter(Boolean);
    return (`✂️ **Trimmed to fit a GitHub comment** (${grouped(GITHUB_COMMENT_LIMIT)} characters): ` +
        `${what.join('; ')}. The \`size-report\` output has every layer.`);
}
function footer() {
    return ('<sub>📦 Reported by shipshape. Sizes in decimal units (1 MB = 1,000,000 bytes); hover a size for its bytes. ' +
        'Compressed: what a pull downloads. Wasted: bytes of files that later layers hide. ' +
        'New to pull: compressed layers the baseline does not have.</sub>');
}
/** Last resort (thousands of platforms or violations): whole lines, open `<details>` closed. */
function cutShort(body, maxLength, key) {
    const note = '✂️ **Cut short to fit a GitHub comment:** the rest of this report is in the `size-report` output.';
    const tail = ['', note, footer(), (0,marker/* commentMarker */.Q)(key)].join('\n\n');
    const lines = body.split('\n');
    const kept = [];
    let length = 0;
    let open = 0;
    for (const line of lines) {
        const opens = open + count(line, '<details>') - count(line, '</details>');
        const closing = size('\n\n</details>') * opens;
        if (length + size(line) + 1 + closing + size(tail) > maxLength)
            break;
        kept.push(line);
        length += size(line) + 1;
        open = opens;
    }
    return [kept.join('\n').trimEnd(), ...Array(open).fill('</details>')].join('\n\n') + tail;
}
/** The length that must stay under the limit: UTF-8 bytes. */
const size = (markdown) => Buffer.byteLength(markdown, 'utf8');
const count = (text, part) => text.split(part).length - 1;
// ---- Numbers. ----
const grouped = (n) => String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** `12.3 MB` with the exact bytes in a tooltip (GitHub keeps `title` on `span`). */
function bytes(value) {
    if (value === null)
        return '–';
    return `<span title="${value < 0 ? '-' : ''}${grouped(value)} bytes">${(0,format/* formatBytes */.z3)(value)}</span>`;
}
/** `bytes`, never wrapped between number and unit (a narrow column beside long text). */
function unbrokenBytes(value) {
    return `<span title="${grouped(value)} bytes">${(0,format/* formatBytes */.z3)(value).replace(' ', '&nbsp;')}</span>`;
}
function signedBytes(delta) {
    const sign = delta > 0 ? '+' : delta < 0 ? '-' : '';
    return `<span title="${sign}${grouped(delta)} bytes">${(0,format/* formatDelta */.CW)(delta)}</span>`;
}
function deltaWithPercent(delta, base) {
    // `<0.1%` as entities: a `<` in markdown is best never left to the parser.
    const percent = (0,format/* formatPercent */.l9)(delta, base).replace('<', '&lt;').replace('>', '&gt;');
    return percent ? `${signedBytes(delta)} (${percent})` : signedBytes(delta);
}
const signedCount = (n) => (n > 0 ? `+${n}` : n === 0 ? '±0' : String(n));
const plural = (n, noun) => `${grouped(n)} ${noun}${n === 1 ? '' : 's'}`;

;// CONCATENATED MODULE: ./src/report/redact.ts
/**
 * A size report as it leaves the run (the `size-report` output, which the fork pattern uploads
 * as an artifact, and the comment rendered from it): the values of build args hidden from every
 * layer's `createdBy` (oci/history.ts hideBuildArgValues), as the comment's cleaned form never
 * showed them. Masked values (secrets, tokens) are hidden from every output by the runner.
 */

/** `buildArgs`: the action's `build-args` (`KEY=VALUE`), whose values are hidden wherever history expands them. */
function withoutBuildArgValues(report, buildArgs) {
    const values = buildArgs.flatMap((arg) => (arg.includes('=') ? [arg.slice(arg.indexOf('=') + 1)] : []));
    const layer = (l) => l.createdBy === null ? l : { ...l, createdBy: (0,oci_history/* hideBuildArgValues */.ni)(l.createdBy, values) };
    return {
        ...report,
        platforms: report.platforms.map((p) => ({
            ...p,
            layers: p.layers.map(layer),
            changes: p.changes && { added: p.changes.added.map(layer), removed: p.changes.removed.map(layer) },
        })),
    };
}

;// CONCATENATED MODULE: ./src/render/table.ts
/**
 * The size report as a plain-text table for the step log.
 */


function sizeTable(report) {
    // Refs and platform names come from registries and saved reports: one line each, controls shown.
    const lines = [`Image ${plain(report.image.ref)} (${plain(report.image.digest)})`];
    const unavailable = report.baselineUnavailable;
    lines.push(report.baseline
        ? `Baseline ${plain(report.baseline.ref)} (${plain(report.baseline.digest)})`
        : unavailable
            ? `Baseline ${plain(unavailable.ref)}: unavailable (${unavailable.problem}, see the warning)`
            : 'Baseline: none');
    const header = ['platform', 'compressed', 'uncompressed', 'wasted', 'layers'];
    if (report.baseline)
        header.push('new to pull', 'change (compressed)');
    const rows = report.platforms.map((p) => row(p, report.baseline !== null));
    lines.push('', ...align([header, ...rows]));
    return lines.join('\n');
}
function row(p, withBaseline) {
    const cells = [
        plain(p.platform),
        (0,format/* formatBytes */.z3)(p.compressed),
        maybe(p.uncompressed),
        maybe(p.wasted),
        String(p.layers.length),
    ];
    if (withBaseline) {
        cells.push(maybe(p.newToPull));
        cells.push(p.delta && p.baseline ? withPercent(p.delta.compressed, p.baseline.compressed) : 'new platform');
    }
    return cells;
}
function withPercent(delta, base) {
    const percent = (0,format/* formatPercent */.l9)(delta, base);
    return percent ? `${(0,format/* formatDelta */.CW)(delta)} (${percent})` : (0,format/* formatDelta */.CW)(delta);
}
const plain = (text) => (0,render_escape/* sanitize */.aj)(text, { limit: 200 });
const maybe = (bytes) => (bytes === null ? '-' : (0,format/* formatBytes */.z3)(bytes));
function align(rows) {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows.map((r) => r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
        .join('  ')
        .trimEnd());
}

// EXTERNAL MODULE: ./src/report/size-report.ts
var size_report = __webpack_require__(8436);
// EXTERNAL MODULE: ./src/github/comment.ts + 1 modules
var comment = __webpack_require__(9165);
;// CONCATENATED MODULE: ./src/steps/publish.ts


// Said once, after GitHub's 403: what a fork's pull request and other workflows can do about it.
const FORK_HELP = 'A pull request from a fork gets a read-only GITHUB_TOKEN: the report is in the job summary and the ' +
    'size-report output; to post it, save that as an artifact and comment from a workflow_run ' +
    'workflow with shipshape/report (inputs size-report-file and pr-number), see docs/forks.md. ' +
    'Elsewhere the workflow needs `permissions: pull-requests: write`.';
/** `delta`: the compressed change in bytes, or null without a baseline (a saved body: null). */
async function publishComment(io, target, markdown, delta) {
    if (target.mode === 'never')
        return;
    if (target.issueNumber === undefined) {
        // `auto` and `on-change` comment on pull requests only: quiet elsewhere, as documented.
        if (target.mode === 'always') {
            const hint = target.prNumberInput ? ` (the input ${target.prNumberInput} names one)` : '';
            io.info(`Size report: no PR comment: comment is "always", but this ${target.eventName || 'unknown'} event ` +
                `names no pull request to comment on${hint}.`);
        }
        return;
    }
    if (!target.token) {
        io.warning('Size report: no github-token, so no PR comment; the report is in the job summary.');
        return;
    }
    try {
        const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(157), __webpack_require__.e(824)]).then(__webpack_require__.bind(__webpack_require__, 5824));
        const octokit = createGitHubClient({
            token: target.token,
            env: io.env,
            onRetry: (line) => io.info(line),
            waitBudget: target.waitBudget,
        });
        const [owner, repo] = target.repository.split('/');
        const where = { octokit, owner, repo, issueNumber: target.issueNumber, key: target.key };
        const existing = target.mode === 'on-change' ? await (0,comment/* findComments */.Su)(where) : undefined;
        const facts = {
            isPullRequest: true,
            compressedDelta: delta,
            minChange: target.minChange,
            existing: (existing?.ours.length ?? 0) > 0,
        };
        if (!(0,comment/* shouldComment */.N9)(target.mode, facts)) {
            io.info(`Size report: no PR comment (the change is under min-change, ${target.minChange} bytes).`);
            return;
        }
        const result = await (0,comment/* upsertComment */.lB)({ ...where, body: markdown, existing });
        io.setOutput('comment-url', result.url);
        logResult(io, result);
    }
    catch (error) {
        const skipped = error instanceof comment/* CommentError */.cP ? error.skipped : 'the PR comment was neither posted nor updated';
        const help = error instanceof comment/* CommentPermissionError */.JA ? ` ${FORK_HELP}` : '';
        const message = error.message.replace(/\.$/, '');
        io.warning(`Size report: ${skipped}. ${message}.${help}`);
    }
}
function logResult(io, result) {
    const removed = result.removed > 0
        ? ` (${result.removed} duplicate${result.removed === 1 ? '' : 's'} of it deleted)`
        : '';
    io.info(`Size report: PR comment ${result.action}: ${result.url}${removed}`);
    if (result.othersWithMarker > 0) {
        const n = result.othersWithMarker;
        io.info(`Size report: ${n} comment${n === 1 ? '' : 's'} by other accounts end${n === 1 ? 's' : ''} with this ` +
            "report's marker: not ours, left alone.");
    }
    if (result.leftOver) {
        io.warning(`Size report: the PR comment is ${result.url}, but duplicates of it may remain until the next run: ` +
            `${result.leftOver}.`);
    }
}
/**
 * The report's markdown where users read it: the `comment-body` output, the job summary, and
 * the sticky comment as `comment` asks.
 */
async function publishReport(io, report, markdown, comment) {
    // A masked value is hidden in the comment as in the log (outputs and summary: the runner module).
    const shown = io.redact(markdown);
    io.setOutput('comment-body', shown);
    await io.appendSummary(shown);
    if (comment)
        await publishComment(io, comment, shown, (0,size_report/* totalCompressedDelta */.Gn)(report));
}

// EXTERNAL MODULE: ./src/steps/baseline.ts + 1 modules
var baseline = __webpack_require__(9854);
;// CONCATENATED MODULE: ./src/steps/size.ts









/** Measures, compares, advises and publishes; returns the budget's status (`fail` fails the step). */
async function runSizeStep(io, step) {
    const { inputs } = step;
    const { report: measured, scanned } = await (0,measure/* measureWithScans */.Hw)(step.image, step.baseline, (0,baseline.measureOptions)(io, inputs));
    const budget = (0,compare_budget/* evaluateBudget */.xF)(measured, inputs.budgetRules, inputs.budgetAction);
    // The verdict is part of the report only when there is a budget to hold.
    const checked = inputs.budgetRules.length > 0 ? budget : undefined;
    const advice = step.advice &&
        (await (0,steps_advice.runAdviceStep)(io, { ...step.advice, analyzeLayers: inputs.analyzeLayers, scanned }));
    // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
    const report = withoutBuildArgValues({
        ...measured,
        image: { ...measured.image, ref: step.shownAs },
        budget: checked,
        ...(advice && { advice }),
    }, inputs.build.buildArgs ?? []);
    const markdown = renderReport(report, { key: inputs.commentKey, budget: checked, chart: inputs.chart });
    // Platform names and refs come from registries and saved reports: shown, never obeyed.
    io.infoUntrusted(sizeTable(report));
    io.setOutput('size-report', JSON.stringify(report));
    io.setOutput('budget-status', budget.status);
    await publishReport(io, report, markdown, {
        token: inputs.githubToken,
        repository: step.context.repository,
        issueNumber: step.context.pullRequest?.number,
        eventName: step.context.eventName,
        key: inputs.commentKey,
        mode: inputs.comment,
        minChange: inputs.minChange,
    });
    const messages = budget.violations.map((v) => {
        const [actual, limit] = v.rule.startsWith('max-increase-percent')
            ? [`${v.actual.toFixed(1)}%`, `${v.limit}%`]
            : [(0,format/* formatBytes */.z3)(v.actual), (0,format/* formatBytes */.z3)(v.limit)];
        return `Size budget: ${v.platform} ${v.rule} exceeded (${actual} > ${limit})`;
    });
    for (const u of budget.unchecked ?? []) {
        messages.push(`Size budget: ${u.platform} ${u.rule} not checked: it needs the baseline, which could not be read`);
    }
    // A rule for a platform the image does not have (the builder's own platform was another).
    const platforms = measured.platforms.map((p) => p.platform).join(', ');
    for (const a of budget.absent ?? []) {
        messages.push(`Size budget: "${a.platform}: ${a.rule}" was not checked: the image has no ${a.platform} (its platforms: ${platforms})`);
    }
    for (const message of messages) {
        if (budget.status === 'fail')
            io.error(message);
        else
            io.warning(message);
    }
    return budget.status;
}


/***/ })

};
