export const id = 88;
export const ids = [88];
export const modules = {

/***/ 2980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ readDockerfileSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _buildx_flag_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1189);
/**
 * Finds and reads the Dockerfile that made the image, for advice: the `file` input, or
 * `<context>/Dockerfile` of a local context. Names it relative to the workspace (the repository
 * checkout), which is how GitHub annotations name files: `app/docker/Dockerfile`, not
 * `/home/runner/work/app/app/app/docker/Dockerfile` nor `docker/Dockerfile` relative to a context.
 */



// A Dockerfile is a few kB; a huge file is not one worth parsing for advice.
const MAX_DOCKERFILE_BYTES = 1_000_000;
async function readDockerfileSource(where) {
    if ((0,_buildx_flag_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isRemoteContext */ .uN)(where.context)) {
        return {
            found: false,
            reason: 'the build context is remote (Git or URL), so its Dockerfile is not on disk',
        };
    }
    if (where.file === '-')
        return { found: false, reason: 'the Dockerfile came from stdin (file: -)' };
    // A template, not resolve(context, 'Dockerfile'): ncc would take that for an asset to bundle.
    const path = where.file
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(where.cwd, where.file)
        : `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(where.cwd, where.context)}/Dockerfile`;
    let size;
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
        if (!info.isFile())
            return { found: false, reason: `${path} is not a file` };
        size = info.size;
    }
    catch (error) {
        return { found: false, reason: `${path} cannot be read (${error.code})` };
    }
    if (size > MAX_DOCKERFILE_BYTES) {
        return { found: false, reason: `${path} is ${size} bytes, too large to be read as a Dockerfile` };
    }
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    const fromWorkspace = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(where.workspace), path);
    const inWorkspace = fromWorkspace !== '' &&
        fromWorkspace !== '..' &&
        !fromWorkspace.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) &&
        !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(fromWorkspace);
    const file = (inWorkspace ? fromWorkspace : path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    return { found: true, text, file, inWorkspace };
}


/***/ }),

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Hg: () => (/* binding */ mermaidText),
/* harmony export */   SS: () => (/* binding */ codeSpan),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aj: () => (/* binding */ sanitize)
/* harmony export */ });
/* unused harmony export escapeCommentText */
/**
 * Text a pull request's author controls (Dockerfile instructions, labels, tag and branch names,
 * image references) made safe for the places a GitHub comment puts it. Each output context has
 * one function and one representation:
 *
 * - `codeSpan`: markdown inline code, literal. Inside backticks GitHub shows entities and
 *   backslashes as typed, so nothing is entity-encoded; the fence outgrows any backtick run in
 *   the text, and in a table cell `|` becomes `\|` (the table splits rows before inline parsing
 *   and removes that backslash itself: GFM spec, tables, example 200; a backslash of the author's
 *   before it is kept apart by a zero-width space).
 * - `escapeMarkdown`: markdown prose; every ASCII punctuation mark is backslash-escaped, which
 *   CommonMark renders as the mark itself and never as syntax, in a table cell too.
 * - `escapeHtml`: inside raw HTML (a `<summary>` line, an attribute), where markdown is not
 *   parsed: entities.
 * - `escapeCommentText`, `mermaidText`: an HTML comment and a Mermaid string.
 *
 * All of them first `sanitize`: control and bidi characters shown as escapes, no line breaks, one space for a
 * run of whitespace, a length limit, and no @-mentions or issue links. GitHub links those in the
 * rendered text (not in code), after entities are decoded, so `&#64;` would not help: a zero
 * width space after `@` or `#` breaks the pattern and shows nothing.
 */
const ZERO_WIDTH_SPACE = '\u200B';
const ELLIPSIS = '…';
const LINE_BREAK = ' ↵ ';
const REPLACEMENT = '\uFFFD';
/** Plain text every context can take: see the module comment. */
function sanitize(text, options = {}) {
    const limit = Math.max(1, options.limit ?? Infinity);
    const kept = [];
    let pendingSpace = false;
    let cut = false;
    let previous = '';
    // Stops reading once the limit is passed: a 100 kB line costs no more than a short one.
    outer: for (const char of text) {
        const crlf = char === '\n' && previous === '\r';
        previous = char;
        if (crlf)
            continue;
        for (const mapped of mapChar(char)) {
            if (mapped === ' ') {
                pendingSpace = kept.length > 0;
                continue;
            }
            if (kept.length + (pendingSpace ? 2 : 1) > limit) {
                cut = true;
                break outer;
            }
            if (pendingSpace)
                kept.push(' ');
            kept.push(mapped);
            pendingSpace = false;
        }
    }
    if (cut) {
        // Room for the ellipsis, which follows the last word without a space.
        kept.length = Math.min(kept.length, limit - 1);
        while (kept.at(-1) === ' ')
            kept.pop();
        kept.push(ELLIPSIS);
    }
    return neutraliseReferences(kept.join(''));
}
function mapChar(char) {
    const code = char.codePointAt(0);
    if (char === '\t' || char === ' ')
        return ' ';
    // Line breaks would end a table row or a heading: shown as a symbol, spaced out.
    if (code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d || code === 0x85)
        return LINE_BREAK;
    if (code === 0x2028 || code === 0x2029)
        return LINE_BREAK;
    // Other controls as the escapes a Dockerfile's author writes (`printf '\x1b[31m'`): C0, DEL
    // and C1 as \xNN; bidi overrides, isolates and marks (text that reads other than it is) as
    // \uNNNN. Control pictures (␛) would be kinder, but common code fonts have no glyph for them.
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
        return `\\x${hex(code, 2)}`;
    if (code === 0x061c || code === 0x200e || code === 0x200f)
        return `\\u${hex(code, 4)}`;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
        return `\\u${hex(code, 4)}`;
    if (code >= 0xd800 && code <= 0xdfff)
        return REPLACEMENT;
    // Other whitespace (no-break, ideographic...) reads as a space.
    if (/^\s$/u.test(char))
        return ' ';
    return char;
}
const hex = (code, digits) => code.toString(16).padStart(digits, '0');
// `@user`, `@org/team`; `#123`, `GH-123`, `owner/repo#123`.
function neutraliseReferences(text) {
    return text
        .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZERO_WIDTH_SPACE}`)
        .replace(/#(?=\d)/g, `#${ZERO_WIDTH_SPACE}`)
        .replace(/\b(gh-)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`);
}
/** Author text as markdown inline code; '' for text that sanitizes to nothing. */
function codeSpan(text, options = {}) {
    let body = sanitize(text, options);
    if (body === '')
        return '';
    // cmark-gfm takes any backslash before `|` as its escape (`\\|` stays in the cell); renderers
    // that count backslashes would end the cell there. A zero-width space after the author's
    // backslashes leaves exactly one before each pipe, which both read the same way.
    if (options.table)
        body = body.replace(/(\\*)\|/g, (_, slashes) => `${slashes && `${slashes}${ZERO_WIDTH_SPACE}`}\\|`);
    const longestRun = (body.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(longestRun + 1);
    // A space pads a body that starts or ends with a backtick; the parser strips one each side.
    const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
/** Author text as markdown prose: safe in a paragraph, a heading or a table cell. */
function escapeMarkdown(text, options = {}) {
    return sanitize(text, options).replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
/** Author text inside raw HTML: element content or a double-quoted attribute value. */
function escapeHtml(text, options = {}) {
    return htmlEntities(sanitize(text, options));
}
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    // A raw HTML line inside a table row is still split at pipes; a backtick could open code.
    '|': '&#124;',
    '`': '&#96;',
};
function htmlEntities(text) {
    return text.replace(/[&<>"'|`]/g, (c) => ENTITIES[c]);
}
const COMMENT_SAFE = /[A-Za-z0-9._/:@+~-]/;
const MAX_COMMENT_TEXT = 256;
/**
 * Text inside `<!-- ... -->` that cannot close or break the comment: characters outside a
 * small set are percent-encoded (UTF-8), and no `--` is left. Deterministic, so code that looks
 * for a comment by its marker finds it; at most 256 characters.
 */
function escapeCommentText(text) {
    let out = '';
    for (const char of text) {
        const piece = COMMENT_SAFE.test(char) ? char : percentEncode(char);
        if (out.length + piece.length > MAX_COMMENT_TEXT)
            break;
        out += piece;
    }
    // `---` must not turn into `-%2D-` and then still hold `--` elsewhere: replace until none.
    while (out.includes('--'))
        out = out.replace(/--/g, '-%2D');
    return out.slice(0, MAX_COMMENT_TEXT).replace(/%[0-9A-F]?$/, '');
}
function percentEncode(char) {
    return Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}
/**
 * Text for a Mermaid quoted string (a chart title): only letters, digits and `/ . _ - +`
 * and spaces survive, the rest become `_`; quotes, brackets, semicolons and line breaks,
 * which are Mermaid syntax, never reach the chart.
 */
function mermaidText(text, options = {}) {
    return sanitize(text, options)
        .replace(/\u200B/g, '')
        .replace(/[^A-Za-z0-9/._+ -]/g, '_');
}


/***/ }),

/***/ 3088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkTarget: () => (/* binding */ checkTarget),
  runCheckStep: () => (/* binding */ runCheckStep)
});

// UNUSED EXPORTS: reportCheckResult

// EXTERNAL MODULE: ./src/buildx/buildx.ts
var buildx = __webpack_require__(1826);
;// CONCATENATED MODULE: ./src/buildx/check.ts
/**
 * What `docker buildx build --call check,format=json` prints on stdout: the Dockerfile's build
 * check warnings (rule, description, detail, where) and, when the Dockerfile does not even parse,
 * the build error. Parsed into plain data; the text in it quotes the Dockerfile, which a pull
 * request's author writes, so whoever shows it escapes it.
 */
/** The result, or undefined when `stdout` is not buildx's check JSON. */
function parseCheckOutput(stdout) {
    let raw;
    try {
        raw = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        return undefined;
    const check = raw;
    if (!('warnings' in check) && !('buildError' in check))
        return undefined;
    const sources = Array.isArray(check.sources) ? check.sources : [];
    const where = (location) => {
        const range = location?.ranges?.[0];
        const line = positive(range?.start?.line);
        return {
            file: check_text(sources[location?.sourceIndex ?? 0]?.filename),
            line,
            endLine: Math.max(line, positive(range?.end?.line)),
        };
    };
    const warnings = (Array.isArray(check.warnings) ? check.warnings : []).map((w) => ({
        rule: check_text(w.ruleName) || 'BuildCheck',
        description: check_text(w.description),
        detail: check_text(w.detail),
        url: check_text(w.url),
        ...where(w.location),
    }));
    const result = { warnings };
    if (check.buildError) {
        const { file, line } = where(check.buildError.location);
        result.error = { message: check_text(check.buildError.message) || 'the build check failed', file, line };
    }
    return result;
}
function check_text(value) {
    return typeof value === 'string' ? value : '';
}
function positive(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

// EXTERNAL MODULE: ./src/buildx/run.ts
var buildx_run = __webpack_require__(4461);
// EXTERNAL MODULE: ./src/advise/dockerfile-source.ts
var dockerfile_source = __webpack_require__(2980);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/steps/check.ts






// GitHub shows at most 10 warning annotations per step: the rest go to the log.
const MAX_ANNOTATIONS = 10;
const MAX_TEXT = 600;
async function checkTarget(location) {
    const source = await (0,dockerfile_source/* readDockerfileSource */.a)(location).catch(() => undefined);
    if (source?.found && source.inWorkspace)
        return { file: source.file, shownAs: source.file };
    if (source?.found)
        return { shownAs: source.file };
    return { shownAs: location.file || 'Dockerfile' };
}
/** Runs the checks; fails (StepError) on a warning or when the Dockerfile does not parse. */
async function runCheckStep(io, options, target) {
    const run = await io.group('Build checks', async () => {
        const resume = io.stopCommands();
        try {
            return await (0,buildx_run/* captureDocker */.L1)((0,buildx/* buildxArgs */.w)({ ...options, call: 'check' }), (text) => io.redact(text));
        }
        finally {
            resume();
        }
    });
    const result = parseCheckOutput(run.stdout);
    if (!result) {
        const detail = run.errors.length > 0 ? run.errors.join('\n') : `docker buildx build exited with code ${run.exitCode}`;
        throw new errors/* StepError */.zg(`The build checks did not run: ${detail}`);
    }
    reportCheckResult(io, result, target);
    return result;
}
/** Annotations and log lines for the result; throws (StepError) on a warning or a parse error. */
function reportCheckResult(io, result, target) {
    result.warnings.forEach((warning, i) => report(io, warning, target, i < MAX_ANNOTATIONS));
    if (result.error) {
        const where = result.error.line > 0 ? { file: target.file, startLine: result.error.line } : {};
        const message = (0,render_escape/* sanitize */.aj)(result.error.message, { limit: MAX_TEXT });
        io.error(message, { title: 'Build check: the Dockerfile does not parse', ...(target.file && where) });
        throw new errors/* StepError */.zg((0,render_escape/* sanitize */.aj)(`Build checks: ${target.shownAs} does not parse: ${message}`, { limit: MAX_TEXT }));
    }
    const count = result.warnings.length;
    if (count === 0) {
        // The path is the repository's: shown, never obeyed.
        io.infoUntrusted(`Build checks: no warnings in ${(0,render_escape/* sanitize */.aj)(target.shownAs)}.`);
        return;
    }
    const rules = [...new Set(result.warnings.map((w) => w.rule))].join(', ');
    throw new errors/* StepError */.zg((0,render_escape/* sanitize */.aj)(`Build checks: ${count} warning(s) in ${target.shownAs} (${rules}); buildx fails a check on warnings.`, {
        limit: MAX_TEXT,
    }));
}
function report(io, warning, target, annotate) {
    const limit = { limit: MAX_TEXT };
    const line = warning.line > 0 ? `:${warning.line}` : '';
    const at = `${target.shownAs}${line}`;
    const text = (0,render_escape/* sanitize */.aj)(`${warning.detail || warning.description}`, limit);
    const more = (0,render_escape/* sanitize */.aj)(`${warning.description}${warning.url ? ` ${warning.url}` : ''}`, limit);
    if (!annotate) {
        io.infoUntrusted((0,render_escape/* sanitize */.aj)(`Build check ${warning.rule} at ${at}: ${text}`, limit));
        return;
    }
    // buildx names the file as the context sees it (`Dockerfile`); another source has no line of ours.
    const base = (path) => path.split('/').pop();
    const ours = !warning.file || base(warning.file) === base(target.file ?? '');
    const onFile = target.file && warning.line > 0 && ours;
    io.warning(`${onFile ? '' : `${(0,render_escape/* sanitize */.aj)(at)}: `}${text}\n${more}`, {
        title: (0,render_escape/* sanitize */.aj)(`Build check: ${warning.rule}`, { limit: 200 }),
        ...(onFile && { file: target.file, startLine: warning.line, endLine: warning.endLine }),
    });
}


/***/ })

};
