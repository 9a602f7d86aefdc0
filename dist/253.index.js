export const id = 253;
export const ids = [253,693];
export const modules = {

/***/ 5537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ savingsTotal),
/* harmony export */   l: () => (/* binding */ savedBy)
/* harmony export */ });
/**
 * What a finding's fix saves, for the Saves column, the annotation's title and "up to N". The
 * advisor writes `saves` on every finding whose fix is an edit it measured (the claim); a finding
 * without it (a question such as "does a slimmer base serve?", or bytes that are not a saving, like
 * the rebuilt layers of copy-before-install) claims nothing: "–", and not in the total. By rule
 * id, since a saved report carries only the id.
 */
/**
 * Rules whose reports written before `saves` existed had bytes that were what the fix, an edit,
 * saves. Only their reports fall back to the bytes; any other finding without `saves` claims
 * nothing, so a rule (or a newer report's rule) that states no figure never shows one.
 */
const BYTES_WERE_SAVINGS = new Set(['package-cache']);
/**
 * What a finding's fix alone saves: its `saves` where the advisor wrote one, else (a report of an
 * older version) its bytes for a rule whose bytes were a saving; undefined for "unknown" or "none",
 * which stays out of the Saves column and the total.
 */
const savedBy = (finding) => finding.saves ?? (BYTES_WERE_SAVINGS.has(finding.rule) ? finding.bytes : undefined);
/** The bytes the findings could save together (an upper bound: two fixes can save the same bytes). */
const savingsTotal = (findings) => findings.reduce((sum, f) => sum + (savedBy(f) ?? 0), 0);


/***/ }),

/***/ 2957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ silenceHint)
/* harmony export */ });
/**
 * How to silence a rule, said with every finding shown (the comment's row, the annotation): the
 * comment advise/dockerfile.ts reads. One text for every rule, so no rule can leave it out.
 */
const silenceHint = (rule) => `Silence with \`# shipshape-ignore ${rule}\` above the instruction`;


/***/ }),

/***/ 8693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readBaseHint: () => (/* binding */ readBaseHint)
});

// EXTERNAL MODULE: ./src/advise/dockerfile-source.ts
var dockerfile_source = __webpack_require__(2980);
// EXTERNAL MODULE: ./src/advise/attribute.ts
var attribute = __webpack_require__(9912);
// EXTERNAL MODULE: ./src/advise/dockerfile.ts
var dockerfile = __webpack_require__(2092);
;// CONCATENATED MODULE: ./src/advise/base-image.ts
/**
 * The base image as the Dockerfile says it: the FROM of the exported stage's chain (its
 * `FROM <stage>` parents followed down to a stage built on an image), ARGs expanded, and how
 * many of an image's bottom layers came with it (attribute.ts tells them from the layers the
 * Dockerfile made). Pure: the Dockerfile's text in, a name and a counter out.
 */


/** The base of the image `text` builds; throws what parseDockerfile throws (no FROM, unknown target). */
function dockerfileBase(text, options) {
    const values = {};
    const names = new Set();
    for (const arg of options.buildArgs) {
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg.trim() : arg.slice(0, eq);
        if (name === '')
            continue;
        names.add(name);
        if (eq > 0)
            values[name] = arg.slice(eq + 1);
    }
    const model = (0,dockerfile/* parseDockerfile */.Ai)(text, { file: options.file, target: options.target, buildArgs: values });
    return { name: baseName(model, names), countLayers: (layers) => (0,attribute/* baseLayerCount */.k$)(model, layers) };
}
/**
 * The root stage's image: its FROM word expanded with the global ARGs, except those a build arg
 * sets (shown as `${NAME}`). The word as written when it expands to nothing.
 */
function baseName(model, buildArgNames) {
    const root = (0,attribute/* stageChain */.ap)(model)[0];
    const word = root.from.arguments[0] ?? root.baseImage;
    const shown = { ...model.globalArgs };
    for (const name of buildArgNames)
        if (Object.hasOwn(shown, name))
            shown[name] = `\${${name}}`;
    const name = (0,dockerfile/* expand */.fT)(word, shown).trim();
    return name === '' ? word.trim() : name;
}

// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/steps/base.ts



async function readBaseHint(io, input) {
    if ('unknown' in input.location)
        return undefined;
    try {
        const source = await (0,dockerfile_source/* readDockerfileSource */.a)(input.location);
        if (!source.found)
            return undefined;
        return dockerfileBase(source.text, {
            file: source.file,
            target: input.target,
            buildArgs: input.buildArgs,
        });
    }
    catch (error) {
        io.debug((0,render_escape/* sanitize */.aj)(`Base image: the Dockerfile does not say (${error.message})`));
        return undefined;
    }
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSizeStep: () => (/* binding */ runSizeStep)
});

// EXTERNAL MODULE: ./src/compare/budget.ts
var compare_budget = __webpack_require__(3386);
// EXTERNAL MODULE: ./src/steps/measure.ts + 6 modules
var measure = __webpack_require__(810);
// EXTERNAL MODULE: ./src/steps/base.ts + 1 modules
var base = __webpack_require__(8693);
;// CONCATENATED MODULE: ./src/compare/base-image.ts
/** `report` with `base` on each platform whose base image is known. */
function withBaseImages(report, image, baseline, hint) {
    return {
        ...report,
        platforms: report.platforms.map((p) => {
            const measured = image.platforms.find((m) => m.platform === p.platform);
            if (!measured)
                return p;
            const before = p.baseline ? baseline?.platforms.find((b) => b.platform === p.platform) : undefined;
            const base = baseImageOf(measured, before, hint);
            return base ? { ...p, base } : p;
        }),
    };
}
function baseImageOf(image, baseline, hint) {
    const named = nameOf(image, hint);
    if (!named)
        return undefined;
    const layers = hint ? count(hint, image.layers) : null;
    const own = { ...named, layers, ...(layers !== null && sums(image.layers, layers)) };
    if (!baseline)
        return own;
    const declared = baseline.declaredBase;
    const before = {
        name: declared?.name ?? null,
        ...(declared?.digest && { digest: declared.digest }),
        ...(declared && { source: declared.from }),
        layers: null,
    };
    // Names are compared only between sources of one kind: `node:22` in a FROM and
    // `docker.io/library/node:22` in an annotation are the same base.
    const sameKind = declared !== undefined && declared.from === named.source;
    const otherName = sameKind &&
        (declared.name !== named.name ||
            (declared.digest !== undefined && named.digest !== undefined && declared.digest !== named.digest));
    if (layers === null)
        return { ...own, baseline: before, ...(sameKind && { changed: otherName }) };
    const sameLayers = layers <= baseline.layers.length &&
        image.layers.slice(0, layers).every((l, i) => l.digest === baseline.layers[i].digest);
    // The baseline's own base layers: the same bottom layers, or as the Dockerfile tells them in
    // the baseline's history (right when the pull request changed the FROM and little else).
    const theirs = sameLayers ? layers : hint ? count(hint, baseline.layers) : 0;
    return {
        ...own,
        baseline: {
            ...before,
            ...(sameLayers || theirs > 0 ? { layers: theirs, ...sums(baseline.layers, theirs) } : { layers: null }),
        },
        changed: otherName || !sameLayers,
    };
}
function nameOf(image, hint) {
    const declared = image.declaredBase;
    const fromDeclared = declared && {
        name: declared.name,
        ...(declared.digest && { digest: declared.digest }),
        source: declared.from,
    };
    if (declared?.from === 'annotation')
        return fromDeclared;
    // A label may be the base image's own, inherited: the Dockerfile is surer.
    if (hint)
        return { name: hint.name, source: 'dockerfile' };
    return fromDeclared;
}
/** The sizes of the bottom `n` layers. */
function sums(layers, n) {
    const bottom = layers.slice(0, n);
    const uncompressed = bottom.map((l) => l.uncompressed);
    return {
        compressed: bottom.reduce((sum, l) => sum + l.compressed, 0),
        uncompressed: uncompressed.every((u) => u !== null)
            ? uncompressed.reduce((a, b) => a + b, 0)
            : null,
    };
}
const count = (hint, layers) => Math.max(0, Math.min(layers.length, hint.countLayers(layers)));
/**
 * `report` with the baseline's base named from the size history, where the baseline image names
 * none itself: the record of the baseline's push (same digest) says what its report named. A
 * name of the same kind as this image's that differs makes the base changed.
 */
function withBaselineBaseFromHistory(report, records) {
    const digest = report.baseline?.digest;
    const record = digest === undefined ? undefined : records.findLast((r) => r.digest === digest);
    if (!record)
        return report;
    return {
        ...report,
        platforms: report.platforms.map((p) => {
            const base = p.base;
            const known = record.platforms.find((r) => r.platform === p.platform)?.base;
            if (!base?.baseline || base.baseline.name !== null || !known)
                return p;
            const otherName = known.source === base.source && known.name !== base.name;
            return {
                ...p,
                base: {
                    ...base,
                    baseline: { ...base.baseline, name: known.name, source: known.source },
                    ...(otherName && { changed: true }),
                },
            };
        }),
    };
}

// EXTERNAL MODULE: ./src/render/marker.ts
var marker = __webpack_require__(1376);
// EXTERNAL MODULE: ./src/oci/history.ts
var oci_history = __webpack_require__(633);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/report/savings.ts
var savings = __webpack_require__(5537);
// EXTERNAL MODULE: ./src/report/silence.ts
var report_silence = __webpack_require__(2957);
// EXTERNAL MODULE: ./src/render/format.ts
var format = __webpack_require__(1509);
// EXTERNAL MODULE: ./src/render/icons.ts
var icons = __webpack_require__(4722);
// EXTERNAL MODULE: ./src/report/pull-delta.ts
var pull_delta = __webpack_require__(1988);
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
    path: 200,
};
// Paths shown in a platform's "which paths changed" table (the JSON has up to 200).
const PATH_ROWS = 10;
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
    // The short form: every layer has the baseline's content, nothing else to say.
    if (isSameContent(report, options))
        return sameContentReport(report, options);
    for (const chart of options.chart ? [true, false] : [false]) {
        const full = {
            changed: Infinity,
            unchanged: Infinity,
            chart,
            advice: Infinity,
            paths: PATH_ROWS,
        };
        if (fits(full))
            return render(full);
        // The path list is the first thing to shorten: the JSON has it whole.
        const paths = largestFitting(PATH_ROWS, (n) => fits({ ...full, paths: n }));
        if (paths !== undefined)
            return render({ ...full, paths });
        const all = { ...full, paths: 0 };
        // Unchanged layers go first: they are collapsed and least read.
        const unchanged = largestFitting(longest('unchanged'), (n) => fits({ ...all, unchanged: n }));
        if (unchanged !== undefined)
            return render({ ...all, unchanged });
        const changed = largestFitting(longest('changed'), (n) => fits({ ...all, unchanged: 0, changed: n }));
        if (changed !== undefined)
            return render({ ...all, unchanged: 0, changed });
    }
    // Advice is what a reader can act on: trimmed after every layer list and the chart.
    const bare = { changed: 0, unchanged: 0, chart: false, advice: 0, paths: 0 };
    const advice = largestFitting(report.advice?.length ?? 0, (n) => fits({ ...bare, advice: n }));
    if (advice !== undefined)
        return render({ ...bare, advice });
    const body = renderBody(report, prepared, options, bare).blocks;
    return cutShort(body.join('\n\n'), maxLength, options.key, options.context);
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
        // The base image's layers (the bottom ones) are one row; `baseCount` 0 when not known.
        const base = platform.base;
        const baseCount = base?.layers ? Math.min(base.layers, platform.layers.length) : 0;
        const positioned = platform.layers
            .map((layer, i) => ({ layer, position: i + 1 }))
            .filter(({ position }) => position > baseCount);
        const changes = platform.changes;
        if (!changes || !platform.baseline) {
            const rows = positioned.map(({ layer, position }) => layerRow(layer, position, null));
            if (baseCount > 0)
                rows.push(baseRow(platform, baseCount, null));
            return {
                platform,
                kind: report.baseline ? 'new' : 'alone',
                changed: largestFirst(rows),
                unchanged: [],
            };
        }
        const added = new Set(changes.added.map((l) => l.digest));
        const rebuilt = new Set((changes.rebuilt ?? []).map((l) => l.digest));
        const addedRows = positioned
            .filter(({ layer }) => added.has(layer.digest))
            .map(({ layer, position }) => layerRow(layer, position, 'added'));
        // Changed: the report says so, or a base layer is one the baseline does not have.
        const baseChanged = baseCount > 0 &&
            (base?.changed === true || platform.layers.slice(0, baseCount).some((l) => added.has(l.digest)));
        // The baseline's base layers are in the base row when the base changed and they are known.
        const theirBase = baseChanged ? (base?.baseline?.layers ?? 0) : 0;
        // Older reports have no index: the baseline position is then unknown (0 shows none).
        const removedRows = changes.removed
            .filter((layer) => !(layer.index !== undefined && layer.index <= theirBase))
            .map((layer) => layerRow(layer, layer.index ?? 0, 'removed'));
        const unchangedRows = positioned
            .filter(({ layer }) => !added.has(layer.digest))
            .map(({ layer, position }) => layerRow(layer, position, null, rebuilt.has(layer.digest)));
        if (baseChanged)
            addedRows.push(baseRow(platform, baseCount, theirBase));
        else if (baseCount > 0)
            unchangedRows.push(baseRow(platform, baseCount, null));
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
function layerRow(layer, position, change, rebuilt = false) {
    const digest = (0,render_escape/* escapeHtml */.ZD)(layer.digest, { limit: LIMITS.digest });
    // A removed layer is named by its place in the baseline.
    const number = position === 0
        ? '–'
        : `<span title="${digest}">${change === 'removed' ? `was ${position}` : position}</span>`;
    const made = instruction(layer.createdBy) + (rebuilt ? '<br><sub>rebuilt, same content</sub>' : '');
    const cells = [number, bytes(layer.compressed), bytes(layer.uncompressed), made];
    if (change !== null)
        cells.unshift(change === 'added' ? '➕' : '➖');
    return { position, layer, change, markdown: `| ${cells.join(' | ')} |`, count: 1 };
}
/**
 * The base image's layers (the bottom `count` of the platform) as one row: their place, their
 * summed sizes, and the base's name. `theirs`: the base changed, and the baseline's base had
 * that many layers (0: not known); null: the base is the baseline's, or there is no baseline.
 */
function baseRow(platform, count, theirs) {
    const base = platform.base;
    const layers = platform.layers.slice(0, count);
    const compressed = layers.reduce((sum, l) => sum + l.compressed, 0);
    const uncompressed = layers.every((l) => l.uncompressed !== null)
        ? layers.reduce((sum, l) => sum + l.uncompressed, 0)
        : null;
    const layer = { digest: '', compressed, uncompressed, files: null, createdBy: null };
    const span = (n) => (n === 1 ? '1' : `1–${n}`);
    const name = (0,render_escape/* codeSpan */.SS)(base.name, { table: true, limit: LIMITS.ref }) || '–';
    // A sha256 digest shortened as image IDs are (the JSON has it whole); anything else as written.
    const shortDigest = base.digest && /^sha256:[0-9a-f]{64}$/.test(base.digest) ? base.digest.slice(0, 19) : base.digest;
    const digest = shortDigest
        ? `<br><sub>${(0,render_escape/* codeSpan */.SS)(shortDigest, { table: true, limit: LIMITS.digest })}</sub>`
        : '';
    const row = (cells, change, key) => ({
        position: 1,
        layer,
        change,
        count,
        base: key,
        markdown: `| ${cells.join(' | ')} |`,
    });
    if (theirs === null) {
        const text = `base ${name} (${plural(count, 'layer')})${digest}`;
        return row([span(count), bytes(compressed), bytes(uncompressed), text], null, `${base.name} ${count}`);
    }
    // Against the baseline's base: its layers and sizes when they could be told.
    const old = base.baseline;
    const known = theirs > 0 && old?.compressed !== undefined;
    const was = (value, before) => !known || value === null || before === null || before === undefined
        ? bytes(value)
        : withChange(bytes(value), value === before ? '±0' : signedBytes(value - before));
    const sizes = known ? `${plural(count, 'layer')}, was ${grouped(theirs)}` : plural(count, 'layer');
    const text = old?.name && old.name !== base.name
        ? `base changed: ${(0,render_escape/* codeSpan */.SS)(old.name, { table: true, limit: LIMITS.ref })} → ${name} (${sizes})`
        : `base ${name} changed: its layers are not the baseline's (${sizes})`;
    const cells = [
        '🔄',
        span(count),
        was(compressed, old?.compressed),
        was(uncompressed, old?.uncompressed),
        text + digest,
    ];
    return row(cells, 'base', `${old?.name ?? ''} ${base.name} ${count} ${theirs}`);
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
    blocks.push(footer(options.context), (0,marker/* commentMarker */.Q)(options.key));
    return blocks.join('\n\n');
}
/** Everything above the notes and the footer; `trimmed` when a layer list left rows out. */
function renderBody(report, prepared, options, limits) {
    const blocks = [...headline(report, options.title, options.thresholds)];
    if (options.budget)
        blocks.push(budgetBlock(options.budget));
    blocks.push(platformTable(report, options.thresholds));
    if (report.removedPlatforms.length > 0) {
        const names = report.removedPlatforms.map((p) => (0,render_escape/* codeSpan */.SS)(p, { limit: LIMITS.platform }));
        blocks.push(`➖ **Platforms removed:** ${names.join(', ')}`);
    }
    if (report.advice && report.advice.length > 0) {
        blocks.push(adviceSection(report.advice, report.platforms.length, limits.advice, options.context));
    }
    let trimmed = false;
    for (const group of alikeSections(prepared.sections, limits)) {
        trimmed ||= group.trimmed;
        blocks.push(...group.blocks);
    }
    if (options.trend)
        blocks.push(options.trend);
    return { blocks, trimmed };
}
/**
 * The platform sections, those that changed alike (alikeChanges) rendered once under all their
 * names: a two-platform image whose layers moved alike gets one table that says so, with the
 * first platform's figures (each platform's own are in the platform table and the JSON).
 */
function alikeSections(sections, limits) {
    const groups = [];
    for (const section of sections) {
        const same = groups.find((g) => alikeChanges(g[0], section));
        if (same)
            same.push(section);
        else
            groups.push([section]);
    }
    return groups.map((group) => {
        const names = group.map((s) => (0,render_escape/* codeSpan */.SS)(s.platform.platform, { limit: LIMITS.platform }));
        if (group.length === 1)
            return platformSection(group[0], limits, names[0], group[0].platform.platform);
        const note = `<sub>The layers and paths of these ${grouped(group.length)} platforms changed alike ` +
            `(the same instructions, sizes within 1% or 1 kB): shown once, with the figures of ${names[0]}.</sub>`;
        return platformSection(group[0], limits, `${names.join(', ')} (alike)`, group.map((s) => s.platform.platform).join(', '), note);
    });
}
/** Two sizes a reader would not tell apart: within 1% of the larger, or 1 kB. */
const closeBytes = (a, b) => a === b ||
    (a !== null && b !== null && Math.abs(a - b) <= Math.max(1_000, Math.max(Math.abs(a), Math.abs(b)) / 100));
/**
 * Whether two compared platforms changed alike: the same layers added and removed (place,
 * instruction, sizes close), the same paths changed (sizes close), the same unchanged layers
 * by instruction (their sizes are the base image's, which differ per platform; a layer rebuilt
 * with the same content on one platform only is no change either).
 */
function alikeChanges(a, b) {
    if (a.kind !== 'compared' || b.kind !== 'compared')
        return false;
    // The base rows: the same base and layer counts (a base's size is its own per platform).
    const rows = (x, y) => x.change === y.change &&
        x.position === y.position &&
        x.base === y.base &&
        x.layer.createdBy === y.layer.createdBy &&
        (x.base !== undefined ||
            (closeBytes(x.layer.compressed, y.layer.compressed) &&
                closeBytes(x.layer.uncompressed, y.layer.uncompressed)));
    const sameList = (xs, ys, same) => xs.length === ys.length && xs.every((x, i) => same(x, ys[i]));
    const pathsA = a.platform.paths ?? [];
    const pathsB = b.platform.paths ?? [];
    return (sameList(a.changed, b.changed, rows) &&
        sameList(pathsA, pathsB, (x, y) => x.path === y.path && x.status === y.status && closeBytes(x.delta, y.delta)) &&
        sameList([...a.unchanged].sort((x, y) => x.position - y.position), [...b.unchanged].sort((x, y) => x.position - y.position), (x, y) => x.position === y.position && x.layer.createdBy === y.layer.createdBy && x.base === y.base));
}
function headline(report, title, thresholds) {
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
            `### ${icons/* GRADE_ICONS */.br['no-baseline']} ${name}: no baseline yet`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}. ` +
                'There is no baseline image to compare it with yet.',
        ];
    }
    const baseline = (0,render_escape/* codeSpan */.SS)(report.baseline.ref, { limit: LIMITS.ref });
    const pull = report.pullDelta ?? (0,pull_delta/* pullDelta */.C)(report.platforms);
    if (!pull) {
        return [
            `### ${icons/* GRADE_ICONS */.br['no-baseline']} ${name}: no platform in common with the baseline`,
            `${image}: ${bytes(total)} compressed (what a pull downloads), ${platformCount}; ` +
                `the baseline ${baseline} has none of them.`,
        ];
    }
    return perPullHeadline(report, pull, { name, image, baseline, thresholds });
}
/**
 * The headline of a compared image: what one pull of one platform changes. One figure when the
 * platforms moved alike; else the largest change, its platform, and the range. The sum over
 * platforms is shown only as a labelled total.
 */
function perPullHeadline(report, pull, text) {
    const { perPull, totalOverPlatforms: total } = pull;
    const icon = icons/* GRADE_ICONS */.br[(0,icons/* gradeChange */.Ix)(perPull.compressed, perPull.before, text.thresholds)];
    const platform = (0,render_escape/* codeSpan */.SS)(perPull.platform, { limit: LIMITS.platform });
    const several = total.platforms > 1;
    const change = perPull.compressed === 0 && perPull.alike
        ? 'no size change'
        : `${perPull.alike ? '' : 'up to '}${deltaWithPercent(perPull.compressed, perPull.before)} per pull` +
            (perPull.alike ? '' : ` (${platform})`);
    const scope = total.platforms === report.platforms.length
        ? several
            ? perPull.alike
                ? `each of the ${grouped(total.platforms)} platforms alike`
                : `${platform}, the largest change of ${grouped(total.platforms)} platforms`
            : platform
        : `${platform}, of the ${plural(total.platforms, 'platform')} both images have`;
    const lines = [
        `${text.image} compared with ${text.baseline}: compressed size of one pull (what a node downloads) ` +
            `${bytes(perPull.before)} → ${bytes(perPull.after)}, ${scope}.`,
    ];
    if (several && !perPull.alike) {
        lines.push(`The change per pull ranges from ${signedOrZero(perPull.min)} to ${signedOrZero(perPull.max)} over the platforms.`);
    }
    if (several) {
        lines.push(`<sub>Total over ${plural(total.platforms, 'platform')} (a registry stores them all; no node pulls them all): ` +
            `${bytes(total.before)} → ${bytes(total.after)}, ${signedOrZero(total.compressed)}.</sub>`);
    }
    return [`### ${icon} ${text.name}: ${change}`, lines.join(' ')];
}
const signedOrZero = (delta) => (delta === 0 ? '±0' : signedBytes(delta));
/** Every platform has the baseline's layers, by digest or by content: nothing else to say. */
function isSameContent(report, options) {
    return (report.baseline !== null &&
        report.platforms.length > 0 &&
        report.platforms.every((p) => p.sameContent === true) &&
        report.removedPlatforms.length === 0 &&
        (options.budget === undefined || options.budget.status === 'pass'));
}
/** The one-line comment of a rebuild that changed no file. */
function sameContentReport(report, options) {
    const name = (0,render_escape/* escapeMarkdown */.FV)(options.title || 'Image size', { limit: LIMITS.title });
    const image = (0,render_escape/* codeSpan */.SS)(report.image.ref, { limit: LIMITS.ref });
    const baseline = (0,render_escape/* codeSpan */.SS)(report.baseline.ref, { limit: LIMITS.ref });
    const rebuilt = Math.max(0, ...report.platforms.map((p) => p.changes?.rebuilt?.length ?? 0));
    const why = rebuilt > 0
        ? ` (${plural(rebuilt, 'layer')} rebuilt: same files, only their times differ; ` +
            'a reproducible build keeps even the bytes: see `SOURCE_DATE_EPOCH`)'
        : '';
    const blocks = [
        `### ${icons/* GRADE_ICONS */.br.none} ${name}: no size change`,
        `${image} has the same layer content as ${baseline} on ${plural(report.platforms.length, 'platform')}${why}.`,
    ];
    if (options.budget)
        blocks.push(budgetBlock(options.budget));
    blocks.push(footer(options.context), (0,marker/* commentMarker */.Q)(options.key));
    return blocks.join('\n\n');
}
function budgetBlock(budget) {
    if (budget.status === 'pass')
        return `${icons/* BUDGET_ICONS */.VY.pass} **Size budget:** every rule holds.`;
    const fails = budget.status === 'fail';
    const blocks = [];
    if (budget.violations.length > 0) {
        const verdict = fails
            ? `${icons/* BUDGET_ICONS */.VY.fail} **Size budget exceeded:** this check fails.`
            : `${icons/* BUDGET_ICONS */.VY.warn} **Size budget exceeded** (a warning: \`budget-action\` is \`warn\`).`;
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
        blocks.push(`${fails ? icons/* BUDGET_ICONS */.VY.fail : icons/* BUDGET_ICONS */.VY.warn} **Size budget not checked:** ${rules.join(', ')} ` +
            `${rules.length === 1 ? 'needs' : 'need'} the baseline, which could not be read` +
            (fails ? ': this check fails.' : ' (a warning: `budget-action` is `warn`).'));
    }
    const absent = budget.absent ?? [];
    if (absent.length > 0) {
        const rules = absent.map((a) => `${(0,render_escape/* codeSpan */.SS)(`${a.platform}: ${a.rule}`, { limit: LIMITS.rule + LIMITS.platform })}`);
        blocks.push(`${fails ? icons/* BUDGET_ICONS */.VY.fail : icons/* BUDGET_ICONS */.VY.warn} **Size budget not checked:** ${rules.join(', ')} ` +
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
function platformTable(report, thresholds) {
    const compared = report.baseline !== null;
    const header = ['Platform', 'Compressed', 'Uncompressed', 'Wasted', 'Layers'];
    if (compared)
        header.push('New to pull');
    const rows = report.platforms.map((p) => {
        const delta = p.delta && (p.sameContent ? 0 : p.delta.compressed);
        const icon = icons/* GRADE_ICONS */.br[(0,icons/* gradeChange */.Ix)(delta ?? null, p.baseline?.compressed ?? 0, thresholds)];
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
/**
 * One platform's section (or several alike ones', under `label`): the layers added, removed and
 * rebuilt, in build order, the paths that changed, the unchanged layers collapsed.
 */
function platformSection(section, limits, label, chartLabel = label, note) {
    const p = section.platform;
    const blocks = [];
    let trimmed = false;
    // Rows come largest first, so a trimmed list keeps the largest; shown in build order, added
    // layers before the removed ones (those by their place in the baseline).
    const list = (rows, limit, withChange, what) => {
        const shown = rows.slice(0, limit);
        trimmed ||= shown.length < rows.length;
        shown.sort((a, b) => Number(a.change === 'removed') - Number(b.change === 'removed') || a.position - b.position);
        return layerTable(shown, rows.slice(shown.length), withChange, what);
    };
    if (section.kind !== 'compared') {
        const summary = `${section.kind === 'new' ? 'New platform: ' : ''}${plural(p.layers.length, 'layer')}, ${(0,format/* formatBytes */.z3)(p.compressed)} compressed`;
        blocks.push(`#### ${label}`);
        if (limits.chart)
            blocks.push(...chart(section, chartLabel));
        blocks.push(details(summary, list(section.changed, limits.changed, false, 'layer')));
        return { blocks, trimmed };
    }
    // Layers in the base row are counted there, not as added or removed.
    const added = section.changed.filter((r) => r.change === 'added').length;
    const removed = section.changed.filter((r) => r.change === 'removed').length;
    const rebuilt = p.changes.rebuilt?.length ?? 0;
    const changeSummary = [
        added && `${plural(added, 'layer')} added`,
        removed && `${plural(removed, 'layer')} removed`,
        rebuilt && `${grouped(rebuilt)} rebuilt with the same content`,
    ]
        .filter(Boolean)
        .join(', ') || 'no layer changed';
    const baseChanged = section.changed.some((r) => r.change === 'base');
    const heading = !baseChanged
        ? changeSummary
        : added + removed + rebuilt > 0
            ? `base changed, ${changeSummary}`
            : 'base changed';
    blocks.push(`#### ${label}: ${heading}`);
    if (note)
        blocks.push(note);
    if (limits.chart)
        blocks.push(...chart(section, chartLabel));
    if (section.changed.length > 0)
        blocks.push(list(section.changed, limits.changed, true, 'changed layer'));
    const paths = pathSection(p.paths ?? [], limits.paths);
    if (paths)
        blocks.push(paths);
    if (section.unchanged.length > 0) {
        const unchangedBytes = section.unchanged.reduce((sum, r) => sum + r.layer.compressed, 0);
        const layerCount = section.unchanged.reduce((sum, r) => sum + r.count, 0);
        const fromBase = section.unchanged.find((r) => r.base !== undefined)?.count ?? 0;
        const summary = `${plural(layerCount, 'unchanged layer')}` +
            (fromBase > 0
                ? ` (${fromBase === layerCount ? 'the base image' : `${grouped(fromBase)} of the base image`})`
                : '') +
            `, ${(0,format/* formatBytes */.z3)(unchangedBytes)} compressed`;
        blocks.push(details(summary, list(section.unchanged, limits.unchanged, false, 'unchanged layer')));
    }
    return { blocks, trimmed };
}
/**
 * "Which paths changed": the top paths of the merged filesystem by change (path-delta.ts rolls
 * them up by directory), with new, removed, grown or shrunk. Path names are the image's: shown
 * as escaped code, never as markdown or HTML. '' when there is nothing to show.
 */
function pathSection(paths, limit) {
    if (paths.length === 0 || limit === 0)
        return '';
    const shown = paths.slice(0, limit);
    const grew = paths.filter((c) => c.delta > 0).reduce((sum, c) => sum + c.delta, 0);
    const shrank = paths.filter((c) => c.delta < 0).reduce((sum, c) => sum - c.delta, 0);
    const status = (c) => c.status === 'new'
        ? 'new'
        : c.status === 'removed'
            ? 'removed'
            : `${bytes(c.before)} → ${bytes(c.after)}`;
    const rows = shown.map((c) => `| ${(0,render_escape/* codeSpan */.SS)(c.path, { table: true, limit: LIMITS.path }) || '–'} | ${signedBytes(c.delta)} | ${status(c)} |`);
    const more = paths.length > shown.length
        ? `\n\n<sub>…and ${plural(paths.length - shown.length, 'smaller path')}: the \`size-report\` output lists them.</sub>`
        : '';
    const summary = `📂 Paths that changed: ${[grew && `${(0,format/* formatDelta */.CW)(grew)} grew`, shrank && `${(0,format/* formatBytes */.z3)(shrank)} shrank`].filter(Boolean).join(', ')}` +
        ` (uncompressed, top ${grouped(shown.length)})`;
    const table = ['| Path | Change | Before → after |', '| :-- | --: | --: |', ...rows].join('\n');
    return details(summary, table + more);
}
/**
 * "Ways to shrink this image": the findings largest first, the first few in a table, the rest
 * collapsed. Messages and fixes quote the Dockerfile: escaped, `code` kept as code. Each row says
 * how to silence its rule.
 */
function adviceSection(advice, platformCount, limit, context) {
    const total = (0,savings/* savingsTotal */.E)(advice);
    const files = new Set(advice.map((a) => a.file));
    const oneFile = files.size === 1 ? [...files][0] : undefined;
    const shown = advice.slice(0, Math.min(limit, MAX_ADVICE_ROWS));
    const where = oneFile ? ` in ${(0,render_escape/* codeSpan */.SS)(oneFile, { limit: LIMITS.file })}` : '';
    const lines = [
        // Findings that claim no saving (a question, a suggestion) make no "up to 0 B".
        `#### 💡 Ways to shrink this image${total > 0 ? `: up to ${bytes(total)}` : ''}`,
        '',
        `${plural(advice.length, 'finding')}${where}, largest savings first ` +
            '(uncompressed bytes; two fixes can save the same bytes).',
    ];
    const row = (a) => {
        const span = a.endLine > a.line ? `${a.line}–${a.endLine}` : String(a.line);
        const linked = lineLink(a.file, a.line, span, context);
        const place = oneFile ? linked : `${(0,render_escape/* codeSpan */.SS)(a.file, { table: true, limit: LIMITS.file })} ${linked}`;
        const only = a.platforms.length < platformCount
            ? `<br><sub>only on ${a.platforms.map((p) => (0,render_escape/* codeSpan */.SS)(p, { table: true, limit: LIMITS.platform })).join(', ')}</sub>`
            : '';
        const what = `${(0,render_escape/* codeSpan */.SS)(a.rule, { table: true, limit: LIMITS.rule })} ${ruleText(a.message)}`;
        const saved = (0,savings/* savedBy */.l)(a);
        const saves = saved !== undefined ? unbrokenBytes(saved) : '–';
        const silence = `<br><sub>${ruleText((0,report_silence/* silenceHint */.F)(a.rule))}</sub>`;
        return `| ${saves} | ${place} | ${what}<br>**Fix:** ${ruleText(a.fix)}${silence}${only} |`;
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
        const hiddenCount = hidden.reduce((sum, r) => sum + r.count, 0);
        const more = shown.length > 0 ? `…and ${plural(hiddenCount, `smaller ${what}`)}` : plural(hiddenCount, what);
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
 * number, `+` for an added layer: author text never reaches Mermaid except the platform names,
 * reduced to safe characters. Added layers are a second series in their own colour, drawn over
 * the first (Mermaid puts series at one x on top of each other): the first has 0 where the
 * second has the bar, the y-axis starts at 0, so no stub shows.
 */
function chart(section, title) {
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
    const barLabel = (c) => `"${added.has(c.layer.digest) ? '+' : ''}${c.position}"`;
    const isAdded = (c) => added.has(c.layer.digest);
    const series = (keep) => `  bar [${chosen.map((c) => (keep(c) ? chartValue(c.layer.compressed / scale) : 0)).join(', ')}]`;
    const bars = added.size > 0 ? [series((c) => !isAdded(c)), series(isAdded)] : [series(() => true)];
    return [
        [
            '```mermaid',
            added.size > 0 ? CHART_STYLE_ADDED : CHART_STYLE,
            'xychart-beta',
            `  title "${(0,render_escape/* mermaidText */.Hg)(title, { limit: LIMITS.platform * 4 })}: compressed ${unit}, ${which}` +
                `${added.size > 0 ? ' (+ added, in blue)' : ''}"`,
            `  x-axis "Layer" [${chosen.map(barLabel).join(', ')}]`,
            // From 0: Mermaid's own range starts at the smallest bar, which would then look empty.
            `  y-axis "${unit}" 0 --> ${axisTop(largest / scale)}`,
            ...bars,
            '```',
        ].join('\n'),
    ];
}
/** A bar's height in the chart's unit: three significant digits, so a 300 B layer is never 0 MB. */
function chartValue(value) {
    return value === 0 ? 0 : Number(value.toPrecision(3));
}
/**
 * A round top for the y-axis a little above the largest bar, on a step of 1, 2 or 5 times a
 * power of ten: 14.8 -> 16, 0.25 -> 0.3, so that Mermaid's ticks stay few and round.
 */
function axisTop(largest) {
    if (largest <= 0)
        return 1;
    const power = 10 ** Math.floor(Math.log10(largest * 1.05));
    const step = [1, 2, 5, 10].map((f) => (f * power) / 5).find((s) => Math.ceil((largest * 1.05) / s) <= 6);
    return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}
// Low, in GitHub's grey; added layers in GitHub's blue.
const CHART_CONFIG = '"xyChart": {"height": 260, "titleFontSize": 14, "xAxis": {"labelFontSize": 12}, "yAxis": {"labelFontSize": 11}}';
const CHART_STYLE = `%%{init: {${CHART_CONFIG}, "themeVariables": {"xyChart": {"plotColorPalette": "#8c959f"}}}}%%`;
const CHART_STYLE_ADDED = `%%{init: {${CHART_CONFIG}, "themeVariables": {"xyChart": {"plotColorPalette": "#8c959f, #0969da"}}}}%%`;
function trimNote(listsTrimmed, chartLeftOut) {
    const what = [
        listsTrimmed && 'layer lists show only the largest layers',
        chartLeftOut && 'the layer chart is left out',
    ].filter(Boolean);
    return (`✂️ **Trimmed to fit a GitHub comment** (${grouped(GITHUB_COMMENT_LIMIT)} characters): ` +
        `${what.join('; ')}. The \`size-report\` output has every layer.`);
}
function footer(context) {
    const where = contextLine(context);
    return ((where ? `<sub>${where}</sub>\n\n` : '') +
        '<sub>📦 Reported by shipshape. Sizes in decimal units (1 MB = 1,000,000 bytes); hover a size for its bytes. ' +
        'Compressed: what a pull downloads. Wasted: bytes of files that later layers hide. ' +
        'New to pull: compressed layers the baseline does not have. ' +
        'Icons: 🔸🔶🔺 growth and 🔹🔷🔻 shrink (tiny, small, large: `change-thresholds`); ✅ ⚠️ ❌ the size budget.</sub>');
}
/** `Commit abc1234 · workflow run · updated 2026-12-05 05:20 UTC`, each part only when sound. */
function contextLine(context) {
    if (!context)
        return '';
    const parts = [];
    const repo = repositoryUrl(context);
    if (repo && /^[0-9a-f]{7,64}$/.test(context.sha))
        parts.push(`Commit [${context.sha.slice(0, 7)}](${repo}/commit/${context.sha})`);
    if (repo && context.runId && /^\d{1,20}$/.test(context.runId))
        parts.push(`[workflow run](${repo}/actions/runs/${context.runId})`);
    const at = context.updatedAt && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.exec(context.updatedAt);
    if (at)
        parts.push(`updated ${at[0].replace('T', ' ')} UTC`);
    return parts.join(' · ');
}
/** `https://github.com/owner/name`, or undefined when a part is not what GitHub would give. */
function repositoryUrl(context) {
    const server = context.serverUrl.replace(/\/+$/, '');
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*$/.test(server))
        return undefined;
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(context.repository))
        return undefined;
    return `${server}/${context.repository}`;
}
/** The line `span` of `file` at the report's commit, as a link; the plain span without a sound context. */
function lineLink(file, line, span, context) {
    const repo = context && repositoryUrl(context);
    if (!repo || !/^[0-9a-f]{7,64}$/.test(context.sha))
        return span;
    // Every segment percent-encoded (and the characters encodeURIComponent leaves that end a link).
    const path = file
        .split('/')
        .filter((segment) => segment !== '' && segment !== '.')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
    if (path === '' || path.split('/').includes('..'))
        return span;
    return `[${span}](${repo}/blob/${context.sha}/${path}#L${line})`;
}
/** Last resort (thousands of platforms or violations): whole lines, open `<details>` closed. */
function cutShort(body, maxLength, key, context) {
    const note = '✂️ **Cut short to fit a GitHub comment:** the rest of this report is in the `size-report` output.';
    const tail = ['', note, footer(context), (0,marker/* commentMarker */.Q)(key)].join('\n\n');
    const lines = body.split('\n');
    const kept = [];
    let length = 0;
    let open = 0;
    for (const line of lines) {
        const opens = open + markdown_count(line, '<details>') - markdown_count(line, '</details>');
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
const markdown_count = (text, part) => text.split(part).length - 1;
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
            changes: p.changes && {
                ...p.changes,
                added: p.changes.added.map(layer),
                removed: p.changes.removed.map(layer),
                ...(p.changes.rebuilt && { rebuilt: p.changes.rebuilt.map(layer) }),
            },
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
    const bases = report.platforms.flatMap((p) => p.base ? [`${plain(p.platform)}: ${baseText(p.base)}`] : []);
    if (bases.length > 0)
        lines.push('', 'Base image:', ...bases.map((line) => `  ${line}`));
    return lines.join('\n');
}
/** `debian:bookworm-slim, 3 layers (changed: was node:20, 2 layers)`; names shown, never obeyed. */
function baseText(base) {
    const count = (n) => (n === null ? 'layers unknown' : `${n} layer${n === 1 ? '' : 's'}`);
    const own = `${plain(base.name)}${base.digest ? `@${plain(base.digest)}` : ''}, ${count(base.layers)}`;
    if (!base.changed)
        return base.changed === false ? `${own} (unchanged)` : own;
    const old = base.baseline;
    const was = [old?.name ? plain(old.name) : '', old?.layers ? count(old.layers) : ''].filter(Boolean);
    return `${own} (changed${was.length > 0 ? `: was ${was.join(', ')}` : ''})`;
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


/**
 * What the comment's footer links: the commit the report is about (a pull request's head, or
 * the head a workflow_run's triggering run built; not the merge commit), the run, the time.
 */
function renderContextOf(context, now) {
    return {
        serverUrl: context.serverUrl,
        repository: context.repository,
        sha: context.pullRequest?.headSha || context.workflowRunHead?.headSha || context.sha,
        runId: context.runId,
        updatedAt: now.toISOString(),
    };
}
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
        const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(157), __webpack_require__.e(556)]).then(__webpack_require__.bind(__webpack_require__, 9556));
        const octokit = createGitHubClient({
            token: target.token,
            env: io.env,
            onRetry: (line) => io.info(line),
            onSecret: (secret) => io.mask(secret),
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

// EXTERNAL MODULE: ./src/steps/baseline.ts
var baseline = __webpack_require__(6564);
// EXTERNAL MODULE: ./src/registry/connect.ts + 9 modules
var connect = __webpack_require__(3434);
// EXTERNAL MODULE: ./src/steps/registry-clients.ts + 1 modules
var registry_clients = __webpack_require__(4385);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(9217);
;// CONCATENATED MODULE: ./src/oci/artifact.ts
/**
 * An OCI artifact as the image spec (1.1) describes one without the referrers API: an image
 * manifest with an `artifactType` of its own, the empty config (`{}`, the spec's
 * `application/vnd.oci.empty.v1+json`) and one layer holding the content. shipshape keeps its
 * size history that way (artifactType `application/vnd.shipshape.size-history.v1+json`), under a
 * plain tag, so any registry that takes an image takes it. Pure: bytes in, bytes or a reason out.
 */


const SIZE_HISTORY_ARTIFACT_TYPE = 'application/vnd.shipshape.size-history.v1+json';
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json';
/** The empty config's bytes (`{}`), its digest and size, as the spec gives them. */
const EMPTY_CONFIG = Buffer.from('{}');
const EMPTY_DESCRIPTOR = {
    mediaType: OCI_EMPTY,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
};
const sha256Digest = (bytes) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
/** The manifest of an artifact whose one layer is `content`: the exact bytes to PUT. */
function artifactManifest(artifactType, content) {
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        artifactType,
        config: EMPTY_DESCRIPTOR,
        layers: [{ mediaType: artifactType, digest: sha256Digest(content), size: content.length }],
    };
    return Buffer.from(JSON.stringify(manifest));
}
/**
 * The content layer of an artifact manifest of `artifactType`, or why the manifest is not one
 * (another artifact, an image, an index): the reason names types, never quotes the manifest.
 */
function artifactLayer(body, mediaType, artifactType) {
    if (mediaType !== media_types/* OCI_MANIFEST */.EG)
        return { foreign: `it is a ${artifact_short(mediaType)}, not an OCI artifact manifest` };
    let manifest;
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            throw new Error();
        manifest = parsed;
    }
    catch {
        return { foreign: 'its manifest is not a JSON object' };
    }
    const config = manifest.config;
    const type = typeof manifest.artifactType === 'string' ? manifest.artifactType : config?.mediaType;
    if (type !== artifactType) {
        return {
            foreign: `its artifact type is ${typeof type === 'string' ? artifact_short(type) : 'missing'}, not ${artifactType}`,
        };
    }
    const layers = manifest.layers;
    if (!Array.isArray(layers) || layers.length !== 1)
        return { foreign: 'it does not have exactly one layer' };
    const layer = layers[0];
    if (typeof layer?.digest !== 'string' ||
        !/^sha256:[0-9a-f]{64}$/.test(layer.digest) ||
        !Number.isSafeInteger(layer.size) ||
        layer.size < 0) {
        return { foreign: 'its layer has no sha256 digest and size' };
    }
    return { layer: { mediaType: String(layer.mediaType), digest: layer.digest, size: layer.size } };
}
// A media type from a registry, cut to a sane length and to the characters media types have.
function artifact_short(text) {
    const cleaned = text.replace(/[^A-Za-z0-9.+/_-]/g, '?');
    return cleaned.length > 100 ? `${cleaned.slice(0, 100)}…` : cleaned;
}

// EXTERNAL MODULE: ./src/registry/errors.ts
var errors = __webpack_require__(6764);
;// CONCATENATED MODULE: ./src/registry/artifact.ts
/**
 * An artifact (oci/artifact.ts) under a tag, read and written through the registry client:
 *  - read: the tag's manifest (one GET) and its one layer (one small blob GET);
 *  - write: the empty config when the repository lacks it (a HEAD), the content blob, and the
 *    manifest PUT under the tag. No referrers API, no subject: a plain tag, which every registry
 *    that stores images keeps.
 * What is under the tag and is not our artifact is reported as `foreign`, never changed here.
 */




/** Content larger than this under our tag is not ours (a history of 10,000 records is about 3 MB). */
const MAX_ARTIFACT_BYTES = 8 * 1024 * 1024;
/** What the tag holds: nothing, our artifact's content, or something else. */
async function readArtifact(at) {
    let manifest;
    try {
        manifest = await at.client.manifest(at.repository, at.tag, { image: at.image });
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return { status: 'absent' };
        throw error;
    }
    const found = artifactLayer(manifest.body, manifest.mediaType, at.artifactType);
    if ('foreign' in found)
        return { status: 'foreign', digest: manifest.digest, reason: found.foreign };
    if (found.layer.size > MAX_ARTIFACT_BYTES) {
        return {
            status: 'foreign',
            digest: manifest.digest,
            reason: `its layer is ${found.layer.size} bytes, more than the ${MAX_ARTIFACT_BYTES} a history may have`,
        };
    }
    const content = await at.client.blob(at.repository, found.layer.digest, { image: at.image });
    return { status: 'found', digest: manifest.digest, content };
}
/** The digest the tag points to now, or undefined when there is no such tag (one HEAD). */
async function tagDigest(at) {
    try {
        return (await at.client.headManifest(at.repository, at.tag, { image: at.image })).digest;
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
/** The blobs of an artifact holding `content`, uploaded; returns the manifest to PUT (not yet PUT). */
async function uploadArtifactBlobs(at, content) {
    const context = { image: at.image };
    const { client, repository } = at;
    if (!(await client.hasBlob(repository, EMPTY_DESCRIPTOR.digest, context))) {
        await client.uploadBlob(repository, EMPTY_DESCRIPTOR.digest, EMPTY_CONFIG.length, () => external_node_stream_.Readable.from([EMPTY_CONFIG]), context);
    }
    await client.uploadBlob(repository, sha256Digest(content), content.length, () => external_node_stream_.Readable.from([content]), context);
    return artifactManifest(at.artifactType, content);
}
/** PUTs the manifest under the tag; returns its digest. */
function putArtifactManifest(at, manifest) {
    return at.client.putManifest(at.repository, at.tag, manifest, media_types/* OCI_MANIFEST */.EG, { image: at.image });
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
// EXTERNAL MODULE: ./src/report/history.ts
var report_history = __webpack_require__(4518);
;// CONCATENATED MODULE: ./src/report/trend.ts
const TREND_WINDOW = 30;
const TREND_MAX_PLATFORMS = 4;
/**
 * The trend of `branch` (records whose ref is `refs/heads/<branch>`) and where `report` lands,
 * or undefined when the history has no record of that branch.
 */
function buildTrend(records, branch, report, window = TREND_WINDOW) {
    const ref = `refs/heads/${branch}`;
    const mine = records.filter((r) => r.ref === ref).slice(-window);
    if (mine.length === 0)
        return undefined;
    const last = mine[mine.length - 1];
    // This image's platforms first (their order), then the branch's others: the ones a reader asked about.
    const names = [
        ...new Set([
            ...report.platforms.map((p) => p.platform).filter((name) => mine.some((r) => has(r, name))),
            ...last.platforms.map((p) => p.platform),
            ...mine.flatMap((r) => r.platforms.map((p) => p.platform)),
        ]),
    ];
    const shown = names.slice(0, TREND_MAX_PLATFORMS);
    const series = shown.map((platform) => ({
        platform,
        points: mine.map((r) => r.platforms.find((p) => p.platform === platform)?.compressed ?? null),
        landing: report.platforms.find((p) => p.platform === platform)?.compressed ?? null,
    }));
    return {
        branch,
        commits: mine.map((r) => r.commit),
        series,
        platformsLeftOut: names.length - shown.length,
        growth: mine.length > 1 ? percent(total(mine[0], shown, last), total(last, shown, mine[0])) : null,
        change: landingChange(last, report),
    };
}
const has = (r, platform) => r.platforms.some((p) => p.platform === platform);
// Compressed bytes of `r` over the platforms of `among` that `other` has too: like with like.
function total(r, among, other) {
    return r.platforms
        .filter((p) => among.includes(p.platform) && has(other, p.platform))
        .reduce((sum, p) => sum + p.compressed, 0);
}
function landingChange(last, report) {
    const common = report.platforms.filter((p) => has(last, p.platform));
    if (common.length === 0)
        return null;
    const before = common.reduce((s, p) => s + last.platforms.find((q) => q.platform === p.platform).compressed, 0);
    const after = common.reduce((s, p) => s + p.compressed, 0);
    return percent(before, after);
}
function percent(before, after) {
    if (before === 0)
        return null;
    return ((after - before) / before) * 100;
}
/** `12%`, `0.3%`, `<0.1%`: one decimal below 10, none above. */
function percentText(value) {
    const abs = Math.abs(value);
    if (abs > 0 && abs < 0.05)
        return '<0.1%';
    return `${abs >= 9.95 ? abs.toFixed(0) : abs.toFixed(1)}%`;
}
/**
 * One sentence: "main grew 12% in the last 30 pushes; this PR adds 0.3%". The branch name is the
 * author's text: the renderer escapes the sentence as a whole.
 */
function trendSentence(trend, subject = 'this PR') {
    const pushes = trend.commits.length;
    let first;
    if (trend.growth === null)
        first = `${trend.branch} has ${pushes === 1 ? 'one push' : `${pushes} pushes`} on record`;
    else {
        const verb = Math.abs(trend.growth) < 0.05 ? 'stayed the same size' : trend.growth > 0 ? 'grew' : 'shrank';
        const by = verb === 'stayed the same size' ? '' : ` ${percentText(trend.growth)}`;
        first = `${trend.branch} ${verb}${by} in the last ${pushes} pushes`;
    }
    if (trend.change === null)
        return first;
    const second = Math.abs(trend.change) < 0.0005
        ? `${subject} changes nothing`
        : `${subject} ${trend.change > 0 ? 'adds' : 'removes'} ${percentText(trend.change)}`;
    return `${first}; ${second}`;
}

;// CONCATENATED MODULE: ./src/render/trend.ts
/**
 * The trend block of the report (report/trend.ts's data): a collapsed `<details>` whose summary is
 * the trend's sentence, holding a Mermaid line chart of the base branch's compressed size per
 * platform (one line each, at most 4) with this image's size as the last point, and a legend
 * (Mermaid's xychart draws none). The numbers are exact: bytes in the chart's unit with as many
 * decimals as the unit needs. Author text (the branch, platforms, commits) is escaped or reduced
 * to Mermaid's safe characters. Pure: a trend in, a markdown block out.
 */


// Fixed colours, so that the legend's squares match the lines (named: a `#` and a digit would
// read as an issue link to our own checks).
const COLOURS = ['royalblue', 'darkorange', 'seagreen', 'crimson'];
const SQUARES = ['🟦', '🟧', '🟩', '🟥'];
const MAX_COMMIT_LABELS = 10;
const UNITS = [
    ['GB', 1e9, 9],
    ['MB', 1e6, 6],
    ['kB', 1e3, 3],
    ['B', 1, 0],
];
/** The collapsed trend block; `subject` names what lands ("this PR"). */
function renderTrend(trend, subject = 'this PR') {
    // `<summary>` is HTML, where markdown is not parsed: entities, not backslashes.
    const sentence = (0,render_escape/* escapeHtml */.ZD)(trendSentence(trend, subject), { limit: 300 });
    const values = trend.series.flatMap((s) => [...s.points, s.landing]).filter((v) => v !== null);
    const largest = Math.max(0, ...values);
    const [unit, scale, decimals] = UNITS.find(([, size]) => largest >= size) ?? UNITS[UNITS.length - 1];
    const exact = (bytes) => Number((bytes / scale).toFixed(decimals));
    // A push that lacked a platform: its line holds the previous figure (Mermaid has no gaps).
    const line = (points) => {
        let previous = points.find((p) => p !== null) ?? 0;
        return points.map((p) => exact((previous = p ?? previous)));
    };
    // Short commits while they fit under each other; beyond that, the push's number (1 the oldest).
    const names = trend.commits.length <= MAX_COMMIT_LABELS
        ? trend.commits.map((c) => (0,render_escape/* mermaidText */.Hg)(c.slice(0, 7), { limit: 7 }) || '?')
        : trend.commits.map((_, i) => String(i + 1));
    const labels = [...names.map((n) => `"${n}"`), '"PR"'];
    const smallest = Math.min(largest, ...values);
    const chart = [
        '```mermaid',
        `%%{init: {"xyChart": {"height": 300, "titleFontSize": 14}, "themeVariables": {"xyChart": {"plotColorPalette": "${COLOURS.slice(0, trend.series.length).join(', ')}"}}}}%%`,
        'xychart-beta',
        `  title "${(0,render_escape/* mermaidText */.Hg)(trend.branch, { limit: 60 })}: compressed ${unit} per push, then ${(0,render_escape/* mermaidText */.Hg)(subject, { limit: 20 })}"`,
        `  x-axis [${labels.join(', ')}]`,
        // Not from 0: a 2% change on a 40 MB image would be a flat line.
        `  y-axis "${unit}" ${axisBottom(smallest / scale, largest / scale)} --> ${trend_axisTop(largest / scale)}`,
        ...trend.series.map((s) => `  line [${line([...s.points, s.landing]).join(', ')}]`),
        '```',
    ].join('\n');
    const legend = trend.series
        .map((s, i) => `${SQUARES[i]} ${(0,render_escape/* codeSpan */.SS)(s.platform, { limit: 60 })}`)
        .join(' · ');
    const leftOut = trend.platformsLeftOut > 0
        ? ` (${trend.platformsLeftOut} more platform${trend.platformsLeftOut === 1 ? '' : 's'} not drawn)`
        : '';
    const body = [
        chart,
        `${legend}${leftOut}. The last point is ${(0,render_escape/* escapeMarkdown */.FV)(subject, { limit: 20 })}; the others are the last ${trend.commits.length} pushes recorded in the size history.`,
    ].join('\n\n');
    return `<details><summary>📈 ${sentence}</summary>\n\n${body}\n\n</details>`;
}
/** A round bottom for the y-axis a little below the smallest point (0 when the points span most of the range). */
function axisBottom(smallest, largest) {
    if (smallest <= 0 || smallest < largest / 2)
        return 0;
    const margin = Math.max((largest - smallest) * 0.2, smallest * 0.01);
    const step = 10 ** Math.floor(Math.log10(margin));
    return Number((Math.floor((smallest - margin) / step) * step).toFixed(6));
}
/** A round top for the y-axis a little above the largest point. */
function trend_axisTop(largest) {
    if (largest <= 0)
        return 1;
    const step = 10 ** Math.floor(Math.log10(largest)) / 5;
    return Number((Math.ceil((largest * 1.05) / step) * step).toFixed(6));
}

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/steps/history.ts









const ATTEMPTS = 5;
/** `localhost:5000/acme/app:shipshape-history`. */
const historyImage = (target) => `${(0,reference/* parseReference */.F2)(target.repository).name}:${target.inputs.tag}`;
async function locate(io, target) {
    const image = historyImage(target);
    const connection = await (0,connect/* connect */.N)(image, {
        input: 'images',
        explicitCredentials: target.explicitCredentials,
        insecureRegistries: target.insecureRegistries,
        env: io.env,
        onSecret: (secret) => io.mask(secret),
        debug: (line) => io.debug(line),
        clients: (0,registry_clients.registryClientsOf)(io), // the run's client for this registry: one ping, one token
    });
    return {
        client: connection.client,
        repository: connection.reference.repository,
        tag: target.inputs.tag,
        artifactType: SIZE_HISTORY_ARTIFACT_TYPE,
        image,
    };
}
async function readOnce(location) {
    const read = await readArtifact(location);
    if (read.status === 'absent')
        return { records: [] };
    if (read.status === 'foreign')
        return { digest: read.digest, foreign: read.reason };
    try {
        return { digest: read.digest, records: (0,report_history/* parseHistory */.i6)(read.content.toString('utf8')) };
    }
    catch (error) {
        return { digest: read.digest, foreign: `its history does not parse: ${error.message}` };
    }
}
/** Reads the history; never throws (a failure is a warning and an empty history). */
async function readHistory(io, target) {
    const image = historyImage(target);
    const started = io.now().getTime();
    const took = () => `${((io.now().getTime() - started) / 1000).toFixed(2)} s`;
    try {
        const location = await locate(io, target);
        const read = await readOnce(location);
        if ('foreign' in read) {
            if (target.inputs.mode !== 'reset')
                io.warning(foreignWarning(image, read.digest, read.foreign));
            return { records: [], status: 'foreign', location };
        }
        io.info(`Size history: ${read.records.length} record(s) in ${image} (read in ${took()}).`);
        return {
            records: read.records,
            status: read.digest ? 'found' : 'absent',
            location,
            ...(read.digest && { digest: read.digest }),
        };
    }
    catch (error) {
        io.warning(`Size history: could not read ${image}: ${(0,util_errors/* failureMessage */.oh)(error)}`);
        return { records: [], status: 'unreadable' };
    }
}
function foreignWarning(image, digest, reason) {
    return (`Size history: ${image} (${digest}) is not a shipshape size history (${reason}). ` +
        'It is left untouched: no trend is shown and nothing is appended. Set history-tag to another tag, ' +
        'or history: reset to replace it.');
}
/**
 * Appends `record` to the history (state: what readHistory found) and returns the records
 * written, or undefined when nothing was written (a foreign artifact, a failure: warned).
 */
async function appendHistory(io, target, state, record, options = {}) {
    const image = historyImage(target);
    const sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    const now = options.now ?? Date.now;
    const reset = target.inputs.mode === 'reset';
    const began = now();
    const took = () => `${((now() - began) / 1000).toFixed(2)} s`;
    io.debug('history: appending this push');
    try {
        const location = state.location ?? (await locate(io, target));
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // The first attempt starts from what readHistory found (the HEAD before the PUT checks it
            // still holds); a later one reads the tag again.
            const fresh = attempt === 1 && state.location && (state.status === 'found' || state.status === 'absent');
            const read = fresh ? { digest: state.digest, records: state.records } : await readOnce(location);
            // A reset replaces what is there once: after our own write, the tag holds ours.
            let base;
            if ('foreign' in read) {
                if (!reset) {
                    io.warning(foreignWarning(image, read.digest, read.foreign));
                    return undefined;
                }
                io.info(`Size history: history is "reset": replacing ${image} (${read.digest}: ${read.foreign}).`);
                base = [];
            }
            else
                base = reset && attempt === 1 ? [] : read.records;
            const records = (0,report_history/* mergeHistories */.dk)([base, [record]], target.inputs.limit);
            const content = Buffer.from((0,report_history/* serializeHistory */.ph)(records));
            if (!('foreign' in read) && read.digest && !reset && sameRecords(read.records, records)) {
                io.info(`Size history: ${image} already has this push's record.`);
                return records;
            }
            const manifest = await uploadArtifactBlobs(location, content);
            const started = now();
            if ((await tagDigest(location)) !== read.digest) {
                io.debug(`history: the tag moved before our write (attempt ${attempt}); reading it again`);
                continue;
            }
            const written = await putArtifactManifest(location, manifest);
            const settle = Math.min(2000, Math.max(50, 3 * (now() - started)));
            await sleep(settle);
            const after = await tagDigest(location);
            if (after === written) {
                io.info(`Size history: ${records.length} record(s) written to ${image} (${written}; in ${took()}, ` +
                    `${attempt} attempt${attempt === 1 ? '' : 's'}, ${settle} ms settle).`);
                return records;
            }
            io.debug(`history: another write moved the tag after ours (attempt ${attempt}); merging`);
            // The next attempt merges what is there now with our record.
        }
        io.warning(`Size history: ${image} kept moving under concurrent writes; this push's record was not added after ${ATTEMPTS} attempts.`);
        return undefined;
    }
    catch (error) {
        io.warning(`Size history: could not write ${image}: ${(0,util_errors/* failureMessage */.oh)(error)}`);
        return undefined;
    }
}
function sameRecords(a, b) {
    return a.length === b.length && a.every((r, i) => (0,report_history/* recordKey */.Hy)(r) === (0,report_history/* recordKey */.Hy)(b[i]));
}
/**
 * Before the report is drawn: reads the history (when allowed), sets the `history` output (the
 * records read, JSON) and gives the trend block of the comment, when the report has a base branch
 * with records.
 */
async function historyBeforeReport(io, step, report) {
    if (!step)
        return {};
    io.debug(`decision: size history: read ${step.decision.read ? 'yes' : 'no'}, write ${step.decision.write ? 'yes' : 'no'} (${step.decision.why})`);
    if (!step.decision.read)
        return {};
    const state = await readHistory(io, step.target);
    io.setOutput('history', JSON.stringify(state.records));
    const branch = step.decision.trendBranch;
    const trend = branch ? buildTrend(state.records, branch, report) : undefined;
    if (branch && !trend && state.records.length > 0)
        io.infoUntrusted(`Size history: no record of the branch ${branch} yet: no trend.`);
    return { state, trend: trend && renderTrend(trend) };
}
/** After the report is published: appends this push's record, when the policy says so. */
async function historyAfterReport(io, step, state, report, push) {
    if (!step?.decision.write || !state || state.status === 'unreadable')
        return;
    await appendHistory(io, step.target, state, (0,report_history/* recordOf */.zv)(report, { time: io.now(), ...push }));
}

;// CONCATENATED MODULE: ./src/steps/size.ts











/** Measures, compares, advises and publishes; returns the budget's status (`fail` fails the step). */
async function runSizeStep(io, step) {
    const { inputs } = step;
    const { report: compared, scanned, measurements, } = await (0,measure/* measureWithScans */.Hw)(step.image, step.baseline, (0,baseline.measureOptions)(io, inputs));
    // The base image: the image's annotation, else the Dockerfile's FROM (none for the merge action).
    const hint = 'baseHint' in step ? step.baseHint : step.advice && (await (0,base.readBaseHint)(io, step.advice));
    const measured = withBaseImages(compared, measurements.image, measurements.baseline, hint);
    const budget = (0,compare_budget/* evaluateBudget */.xF)(measured, inputs.budgetRules, inputs.budgetAction);
    // The verdict is part of the report only when there is a budget to hold.
    const checked = inputs.budgetRules.length > 0 ? budget : undefined;
    // The advisor (its rules, the Dockerfile parser's share of them) loads only when it is on.
    const advice = step.advice?.enabled &&
        (await (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(740), __webpack_require__.e(808)]).then(__webpack_require__.bind(__webpack_require__, 5808))).runAdviceStep(io, {
            ...step.advice,
            analyzeLayers: inputs.analyzeLayers,
            scanned,
            compared,
        }));
    // Build-arg values never leave in history text: not in the output, the artifact, nor the comment.
    const unnamed = withoutBuildArgValues({
        ...measured,
        image: { ...measured.image, ref: step.shownAs },
        budget: checked,
        ...(advice && { advice }),
    }, inputs.build.buildArgs ?? []);
    const history = await historyBeforeReport(io, step.history, unnamed);
    // The baseline's base, when its image names none, as the size history recorded it.
    const report = withBaselineBaseFromHistory(unnamed, history.state?.records ?? []);
    const markdown = renderReport(report, {
        key: inputs.commentKey,
        budget: checked,
        chart: inputs.chart,
        trend: history.trend,
        thresholds: inputs.changeThresholds,
        context: renderContextOf(step.context, io.now()),
    });
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
    await historyAfterReport(io, step.history, history.state, report, {
        commit: step.context.sha,
        ref: step.context.ref,
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
