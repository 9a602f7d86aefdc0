export const id = 88;
export const ids = [88];
export const modules = {

/***/ 2088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  historyBeforeReport: () => (/* binding */ historyBeforeReport)
});

// UNUSED EXPORTS: appendHistory, historyAfterReport, historyImage, readHistory

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
const artifact_EMPTY_CONFIG = Buffer.from('{}');
const artifact_EMPTY_DESCRIPTOR = {
    mediaType: OCI_EMPTY,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
};
const artifact_sha256Digest = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
/** The manifest of an artifact whose one layer is `content`: the exact bytes to PUT. */
function artifact_artifactManifest(artifactType, content) {
    const manifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType,
        config: artifact_EMPTY_DESCRIPTOR,
        layers: [{ mediaType: artifactType, digest: artifact_sha256Digest(content), size: content.length }],
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
async function artifact_tagDigest(at) {
    try {
        return (await at.client.headManifest(at.repository, at.tag, { image: at.image })).digest;
    }
    catch (error) {
        if (isNotFound(error))
            return undefined;
        throw error;
    }
}
/** The blobs of an artifact holding `content`, uploaded; returns the manifest to PUT (not yet PUT). */
async function artifact_uploadArtifactBlobs(at, content) {
    const context = { image: at.image };
    const { client, repository } = at;
    if (!(await client.hasBlob(repository, EMPTY_DESCRIPTOR.digest, context))) {
        await client.uploadBlob(repository, EMPTY_DESCRIPTOR.digest, EMPTY_CONFIG.length, () => Readable.from([EMPTY_CONFIG]), context);
    }
    await client.uploadBlob(repository, sha256Digest(content), content.length, () => Readable.from([content]), context);
    return artifactManifest(at.artifactType, content);
}
/** PUTs the manifest under the tag; returns its digest. */
function artifact_putArtifactManifest(at, manifest) {
    return at.client.putManifest(at.repository, at.tag, manifest, OCI_MANIFEST, { image: at.image });
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

// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
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
        `  y-axis "${unit}" ${axisBottom(smallest / scale, largest / scale)} --> ${axisTop(largest / scale)}`,
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
function axisTop(largest) {
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
        clients: (0,registry_clients/* registryClientsOf */.$)(io), // the run's client for this registry: one ping, one token
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
            const records = mergeHistories([base, [record]], target.inputs.limit);
            const content = Buffer.from(serializeHistory(records));
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
        io.warning(`Size history: could not write ${image}: ${failureMessage(error)}`);
        return undefined;
    }
}
function sameRecords(a, b) {
    return a.length === b.length && a.every((r, i) => recordKey(r) === recordKey(b[i]));
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
    await appendHistory(io, step.target, state, recordOf(report, { time: io.now(), ...push }));
}


/***/ })

};
