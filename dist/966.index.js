export const id = 966;
export const ids = [966,633];
export const modules = {

/***/ 9912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ attributeLayers),
/* harmony export */   ap: () => (/* binding */ stageChain),
/* harmony export */   k$: () => (/* binding */ baseLayerCount)
/* harmony export */ });
/* harmony import */ var _oci_history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(633);
/**
 * Which Dockerfile instruction made each image layer.
 *
 * The exported stage's chain (its `FROM <stage>` parents down to a stage built on an image) is
 * what the image holds: the root's base-image layers first, then one layer per RUN/COPY/ADD/
 * WORKDIR of the chain, minus the steps that changed nothing (both builders drop those, or mark
 * them `empty_layer`). So layers are matched from the top, newest first, by comparing each
 * layer's history `created_by` with the instructions; the text decides. Where it cannot (no
 * history, a form we do not read), layers between two text matches are paired by order when the
 * counts agree, and otherwise left without an instruction: no attribution beats a wrong one.
 */

/** Instructions that can make a layer (all others only change the config). */
const LAYER_MAKING = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** Those that make one whenever they change a file: a no-op WORKDIR (the dir exists) makes none. */
const ALWAYS_CHANGING = new Set(['RUN', 'COPY', 'ADD']);
const KEYWORDS = new Set([
    ...LAYER_MAKING,
    ...['ARG', 'CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD'],
    ...['SHELL', 'STOPSIGNAL', 'USER', 'VOLUME'],
]);
const BUILDKIT_SUFFIX = '# buildkit';
function attributeLayers(model, layers) {
    const { made, fromBase, root } = attribution(model, layers);
    return layers.map((layer, index) => ({
        index,
        digest: layer.digest,
        compressed: layer.compressed,
        scan: layer.scan,
        ...(layer.createdBy !== undefined && { createdBy: layer.createdBy }),
        instruction: fromBase[index] ? root.from : made[index],
        fromBase: fromBase[index],
    }));
}
/**
 * How many of the image's bottom layers came with the base image of the exported stage's chain,
 * as attributeLayers tells them (0 for `FROM scratch`, or when no layer can be told apart).
 */
function baseLayerCount(model, layers) {
    const { fromBase } = attribution(model, layers);
    const count = fromBase.findIndex((isBase) => !isBase);
    return count === -1 ? fromBase.length : count;
}
function attribution(model, layers) {
    const chain = stageChain(model);
    const root = chain[0];
    const candidates = chain.flatMap((stage) => stage.instructions.filter((i) => LAYER_MAKING.has(i.keyword)));
    const hasHistory = layers.some((layer) => Boolean(layer.createdBy?.trim()));
    const steps = layers.map((layer) => readStep(layer.createdBy, hasHistory));
    const verdict = (layer, candidate) => compare(steps[layer], candidates[candidate]);
    const made = layers.map(() => undefined);
    const fromBase = layers.map(() => false);
    // 1. Anchors: each layer, newest first, against the nearest instruction below the last anchor whose text matches.
    const anchors = [];
    let next = candidates.length - 1;
    for (let layer = layers.length - 1; layer >= 0 && next >= 0; layer--) {
        for (let candidate = next; candidate >= 0; candidate--) {
            if (verdict(layer, candidate) === 'match') {
                anchors.push([layer, candidate]);
                next = candidate - 1;
                break;
            }
        }
    }
    // 2. Between anchors (and above the top one): by order, only when the counts agree and no text says otherwise.
    let upperLayer = layers.length;
    let upperCandidate = candidates.length;
    for (const [layer, candidate] of anchors) {
        pairInOrder(range(layer + 1, upperLayer), range(candidate + 1, upperCandidate));
        made[layer] = candidates[candidate];
        upperLayer = layer;
        upperCandidate = candidate;
    }
    // 3. Below the lowest anchor: the rest of the chain's instructions, then the base image.
    let candidate = upperCandidate - 1;
    for (let layer = upperLayer - 1; layer >= 0; layer--) {
        if (candidate < 0) {
            // Every instruction is placed: what is left came with the base image (scratch has none).
            fromBase[layer] = root.baseImage !== 'scratch';
            continue;
        }
        const said = verdict(layer, candidate);
        if (said === 'unknown' && ALWAYS_CHANGING.has(candidates[candidate].keyword)) {
            made[layer] = candidates[candidate--];
        }
        else if (said === 'mismatch') {
            // A layer whose history names none of the instructions left is not ours, nor is anything below it.
            for (let below = layer; below >= 0; below--)
                fromBase[below] = root.baseImage !== 'scratch';
            break;
        }
        else {
            break; // a WORKDIR may or may not have made this layer: leave the rest unattributed
        }
    }
    return { made, fromBase, root };
    function pairInOrder(layerRange, candidateRange) {
        if (layerRange.length !== candidateRange.length)
            return;
        if (layerRange.some((layer, i) => verdict(layer, candidateRange[i]) !== 'unknown'))
            return;
        layerRange.forEach((layer, i) => (made[layer] = candidates[candidateRange[i]]));
    }
}
/** The exported stage and the stages it is built on (`FROM <stage>`), root first. */
function stageChain(model) {
    const chain = [];
    const seen = new Set();
    let stage = model.stages[model.exported];
    while (stage && !seen.has(stage.index)) {
        seen.add(stage.index);
        chain.unshift(stage);
        stage = stage.parentStage === undefined ? undefined : model.stages[stage.parentStage];
    }
    return chain;
}
function range(from, to) {
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
function readStep(createdBy, hasHistory) {
    // endsWith, not a /\s*# buildkit$/ regex: that is quadratic on long runs of spaces (history.ts).
    let text = (createdBy ?? '').trim();
    if (text.endsWith(BUILDKIT_SUFFIX))
        text = text.slice(0, -BUILDKIT_SUFFIX.length);
    const raw = collapse(text);
    if (raw === '')
        return { text: '', raw, foreign: hasHistory };
    const clean = (0,_oci_history_js__WEBPACK_IMPORTED_MODULE_0__/* .cleanCreatedBy */ .xB)(createdBy);
    const space = clean.search(/\s/);
    const word = (space === -1 ? clean : clean.slice(0, space)).toUpperCase();
    if (!KEYWORDS.has(word))
        return { text: '', raw, foreign: false };
    return { keyword: word, text: collapse(space === -1 ? '' : clean.slice(space)), raw, foreign: false };
}
function compare(step, instruction) {
    if (step.foreign)
        return 'mismatch';
    if (step.keyword === undefined) {
        // Another tool's wording: a RUN's command at the end of it is still the command.
        if (step.raw === '' || instruction.keyword !== 'RUN')
            return 'unknown';
        const command = withoutBuildArgs(step.raw);
        return runForms(instruction).some((form) => endsWithCommand(command, form)) ? 'match' : 'unknown';
    }
    if (step.keyword !== instruction.keyword)
        return 'mismatch';
    switch (instruction.keyword) {
        case 'RUN':
            return runMatches(step, instruction) ? 'match' : 'mismatch';
        case 'COPY':
        case 'ADD':
            return copyMatches(step.text, instruction) ? 'match' : 'mismatch';
        default:
            // WORKDIR: both builders write the path with variables expanded.
            return matchesWithVariables(collapse(instruction.arguments.join(' ')), step.text)
                ? 'match'
                : 'mismatch';
    }
}
/**
 * BuildKit: `RUN [|N A=1 ...] /bin/sh -c <command>`; exec form `RUN [|N ...] sh -c echo` (the
 * JSON strings joined); the classic builder: the same without `RUN`. cleanCreatedBy took the
 * build args and a shell it knows off `step.text`; a SHELL it does not know stays in front.
 */
function runMatches(step, instruction) {
    const command = withoutBuildArgs(step.raw.replace(/^RUN /, ''));
    return runForms(instruction).some((form) => step.text === form || command === form || endsWithCommand(command, form));
}
/**
 * `|2 A=1 B=2 rest` -> `rest`: both builders list the build args in effect before the command.
 * Only when the N words are N `KEY=value` words: a value with spaces leaves the text as it is.
 */
function withoutBuildArgs(text) {
    const count = /^\|(\d+) /.exec(text);
    if (!count)
        return text;
    const words = text.slice(count[0].length).split(' ');
    const args = words.slice(0, Number(count[1]));
    return args.every((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))
        ? words.slice(args.length).join(' ')
        : text;
}
/** `<shell and its flags> <form>`: what precedes the command ends in a flag (`-c`, `-Command`, `/C`). */
function endsWithCommand(text, form) {
    if (!text.endsWith(` ${form}`))
        return false;
    const before = text.slice(0, -form.length - 1);
    const last = before.slice(before.lastIndexOf(' ') + 1);
    return /^[-/]\w+$/.test(last) && !/&&|\|\||;/.test(before);
}
/**
 * The ways a RUN's command appears in history: as written (continuations joined; exec form: the
 * strings joined), or, for a heredoc RUN, its first line with the bodies, or the body alone
 * when the first line is only `<<EOF` (BuildKit then runs the body as the script).
 */
function runForms(instruction) {
    const withoutFlags = collapse(instruction.args.slice(instruction.flags.join(' ').length));
    if (withoutFlags.startsWith('['))
        return [collapse(instruction.arguments.join(' '))];
    const forms = [withoutFlags];
    const [command = '', ...bodies] = instruction.arguments;
    if (bodies.length > 0 && /^<<-?(["']?)[\w.-]+\1$/.test(command.trim()))
        forms.push(collapse(bodies.join('\n')));
    return forms.filter((form) => form !== '');
}
// The classic builder names what it copied by content hash: `file:<hex> in /dst`.
const CLASSIC_COPY = /^(?:--\S+\s+)*(?:file|dir|multi):[0-9a-f]+ in (.*)$/;
/**
 * BuildKit writes `COPY [--chown=..] src... dst` (without --from/--link), the classic builder
 * `COPY file:<hash> in dst`; both expand variables (`COPY $SRC $DIR/`).
 */
function copyMatches(text, instruction) {
    const destination = collapse(instruction.arguments.at(-1) ?? '');
    const classic = CLASSIC_COPY.exec(text);
    if (classic)
        return matchesWithVariables(destination, collapse(classic[1]));
    const words = text.split(' ');
    while (words.length > 0 && words[0].startsWith('--'))
        words.shift();
    return matchesWithVariables(collapse(instruction.arguments.join(' ')), words.join(' '));
}
/**
 * Whether `text` is `pattern` with each `$VAR` / `${VAR...}` of the pattern standing for any
 * value. Literal pieces are found in order, leftmost first (right for `*`-style wildcards), so
 * the cost stays linear whatever the author wrote; a regex of `.*`s would not.
 */
function matchesWithVariables(pattern, text) {
    const pieces = pattern.split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/);
    if (pieces.length === 1)
        return pattern === text;
    const first = pieces[0];
    const last = pieces.at(-1);
    if (!text.startsWith(first) || text.length < first.length + last.length)
        return false;
    let at = first.length;
    const end = text.length - last.length;
    for (const piece of pieces.slice(1, -1)) {
        const found = text.indexOf(piece, at);
        if (found === -1 || found + piece.length > end)
            return false;
        at = found + piece.length;
    }
    return text.endsWith(last);
}
function collapse(text) {
    return text.replace(/\s+/g, ' ').trim();
}


/***/ }),

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

/***/ 2092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ parseDockerfile),
/* harmony export */   fT: () => (/* binding */ expand),
/* harmony export */   pi: () => (/* binding */ isIgnored)
/* harmony export */ });
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8390);
/**
 * A Dockerfile as the advisor sees it: stages and instructions with the lines they span, the
 * base image each FROM names (global ARGs expanded), the stage that is exported, and the
 * `# shipshape-ignore` comments. dockerfile-ast does the lexing (escape directive, line
 * continuations, heredocs, flags); this turns its tree into plain data (model.ts).
 */

const IGNORE_COMMENT = /^shipshape-ignore\s+(.+)$/i;
function parseDockerfile(text, options) {
    const ast = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(text);
    const lines = text.split(/\r?\n/);
    const globalArgs = {};
    const stages = [];
    for (const node of ast.getInstructions()) {
        const keyword = node.getKeyword().toUpperCase();
        if (keyword === 'FROM') {
            const from = toInstruction(node, keyword, stages.length, lines);
            stages.push(fromStage(node, from, stages, globalArgs));
        }
        else if (stages.length === 0) {
            // Only ARG may come before the first FROM; its values are what FROM lines expand.
            if (keyword === 'ARG')
                declareGlobalArg(node, globalArgs, options.buildArgs ?? {});
        }
        else {
            stages.at(-1).instructions.push(toInstruction(node, keyword, stages.length - 1, lines));
        }
    }
    if (stages.length === 0)
        throw new Error(`${options.file} has no FROM instruction`);
    return {
        file: options.file,
        lines,
        globalArgs,
        stages,
        exported: exportedStage(stages, options.target, options.file),
        ignored: ast.getComments().flatMap((comment) => {
            const match = IGNORE_COMMENT.exec(comment.getContent().trim());
            if (!match)
                return [];
            const rules = match[1].split(/[\s,]+/).filter(Boolean);
            return [{ line: comment.getRange().start.line + 1, rules }];
        }),
    };
}
/**
 * Whether `# shipshape-ignore` silences `rule` on `line`: a comment covers its own line and the
 * lines of the instruction it stands in or above (the first one that ends after it).
 */
function isIgnored(model, rule, line) {
    const instructions = model.stages.flatMap((stage) => [stage.from, ...stage.instructions]);
    const wanted = rule.toLowerCase();
    return model.ignored.some((comment) => {
        if (!comment.rules.some((id) => id.toLowerCase() === wanted))
            return false;
        if (comment.line === line)
            return true;
        const covered = instructions.find((instruction) => instruction.endLine >= comment.line);
        return covered !== undefined && covered.startLine <= line && line <= covered.endLine;
    });
}
function toInstruction(node, keyword, stage, lines) {
    const range = node.getRange();
    const flags = 'getFlags' in node && typeof node.getFlags === 'function' ? flagsOf(node) : [];
    const heredocNodes = heredocsOf(node);
    const heredocs = heredocNodes.map((heredoc) => heredocBody(heredoc, lines));
    const content = node.getArgumentsContent() ?? '';
    return {
        keyword,
        args: [...flags, content].filter(Boolean).join(' '),
        flags,
        arguments: argumentsOf(node, keyword, content, heredocNodes, heredocs),
        heredocs,
        startLine: range.start.line + 1,
        endLine: range.end.line + 1,
        stage,
    };
}
function flagsOf(node) {
    return node
        .getFlags()
        .map((flag) => flag.toString());
}
function heredocsOf(node) {
    const withHeredocs = node;
    return typeof withHeredocs.getHeredocs === 'function' ? withHeredocs.getHeredocs() : [];
}
/** The body between the heredoc's first line and its delimiter, each line ending in `\n` as the shell sees it. */
function heredocBody(heredoc, lines) {
    const content = heredoc.getContentRange();
    if (!content)
        return '';
    const end = heredoc.getDelimiterRange()?.start.line ?? content.end.line + 1;
    return lines
        .slice(content.start.line, end)
        .map((line) => `${line}\n`)
        .join('');
}
/**
 * RUN: the command (its first line when it has heredocs), then each heredoc body. Exec form
 * (`["sh", "-c", "..."]`): the JSON strings. COPY/ADD and the rest: the words, heredoc bodies left out.
 */
function argumentsOf(node, keyword, content, heredocNodes, heredocs) {
    const json = jsonStrings(node, content);
    if (json)
        return json;
    const firstBodyLine = heredocNodes[0]?.getContentRange()?.start.line;
    if (keyword === 'RUN') {
        const command = firstBodyLine === undefined ? content : content.split('\n')[0];
        return [command.trim(), ...heredocs];
    }
    return node
        .getArguments()
        .filter((argument) => firstBodyLine === undefined || argument.getRange().start.line < firstBodyLine)
        .map((argument) => argument.getValue());
}
/** Exec form (`["a b", "/c/"]`): the strings, parsed as JSON (dockerfile-ast's values drop spaces). */
function jsonStrings(node, content) {
    const json = node;
    if (typeof json.getJSONStrings !== 'function' || json.getJSONStrings().length === 0)
        return undefined;
    try {
        const parsed = JSON.parse(content);
        if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string'))
            return parsed;
    }
    catch {
        // Not valid JSON: BuildKit then reads the line in shell form, and so do we.
    }
    return undefined;
}
function declareGlobalArg(node, globalArgs, buildArgs) {
    // `ARG NAME`, `ARG NAME=default`, `ARG A=1 B=2` (several in one line).
    for (const word of node.getArguments().map((argument) => argument.getValue())) {
        const equals = word.indexOf('=');
        const name = equals === -1 ? word : word.slice(0, equals);
        const fallback = equals === -1 ? undefined : unquote(expand(word.slice(equals + 1), globalArgs));
        globalArgs[name] = Object.hasOwn(buildArgs, name) ? buildArgs[name] : fallback;
    }
}
function fromStage(node, from, earlier, globalArgs) {
    // `FROM [--platform=...] image [AS name]`: the words after the flags.
    const words = node.getArguments().map((argument) => argument.getValue());
    const baseImage = expand(words[0] ?? '', globalArgs);
    const name = words.length >= 3 && words[1].toLowerCase() === 'as' ? words[2].toLowerCase() : undefined;
    const parent = earlier.findLast((stage) => stage.name !== undefined && stage.name === baseImage.toLowerCase());
    return {
        index: earlier.length,
        ...(name !== undefined && { name }),
        from,
        baseImage,
        ...(parent !== undefined && { parentStage: parent.index }),
        instructions: [],
    };
}
function exportedStage(stages, target, file) {
    if (target === undefined || target === '')
        return stages.length - 1;
    const wanted = target.toLowerCase();
    const stage = stages.find((candidate) => candidate.name === wanted);
    if (!stage) {
        const names = stages.map((s) => s.name).filter(Boolean);
        throw new Error(`target stage ${JSON.stringify(target)} is not in ${file}` +
            (names.length ? `; its stages are ${names.join(', ')}` : '; its stages have no names'));
    }
    return stage.index;
}
/**
 * `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}` with the
 * given values (unset: empty), as BuildKit expands FROM lines. `\$` stays a literal `$`.
 */
function expand(text, values) {
    const pattern = /\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
    return text.replace(pattern, (whole, braced, operator, word, bare) => {
        if (whole === '\\$')
            return '$';
        const name = (braced ?? bare);
        const value = values[name];
        const set = value !== undefined;
        const nonEmpty = set && value !== '';
        switch (operator) {
            case ':-':
                return nonEmpty ? value : expand(word, values);
            case '-':
                return set ? value : expand(word, values);
            case ':+':
                return nonEmpty ? expand(word, values) : '';
            case '+':
                return set ? expand(word, values) : '';
            default:
                return value ?? '';
        }
    });
}
function unquote(value) {
    const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
    return quoted ? (quoted[1] ?? quoted[2]) : value;
}


/***/ }),

/***/ 633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mg: () => (/* binding */ layerHistory),
/* harmony export */   ni: () => (/* binding */ hideBuildArgValues),
/* harmony export */   xB: () => (/* binding */ cleanCreatedBy)
/* harmony export */ });
/**
 * An image config's `history` mapped to its layers, so every layer knows the instruction that
 * made it, and a readable form of that instruction for reports.
 */
/**
 * The history entry of each layer, in layer order (`undefined` where the config does not say).
 *
 * Entries with `empty_layer: true` made no layer and are skipped; the others pair with the
 * layers in order. History is optional metadata and some tools omit entries, so when the
 * counts differ the entries are aligned from the END: the newest instructions belong to the
 * newest layers (the ones a Dockerfile under review made), and what is missing is almost
 * always the base image's past (imported or squashed bases, tools that write no history).
 * Layers without an entry then come first and stay `undefined`; surplus oldest entries are
 * dropped.
 */
function layerHistory(history, layerCount) {
    const made = (history ?? []).filter((entry) => !entry.emptyLayer);
    const skipped = made.length - layerCount;
    return Array.from({ length: layerCount }, (_, layer) => made[layer + skipped]);
}
// The shell a RUN went through: `/bin/sh -c`, `/bin/bash -o pipefail -c`, `sh -eux -c`,
// Windows' `cmd /S /C`. Written by both builders; `#(nop)` follows it for non-RUN steps.
const SHELL = String.raw `(?:(?:/\S*/)?(?:sh|bash|ash|dash|zsh|ksh|mksh)(?: -o \S+| -[A-Za-z]+)* -c|cmd /S /C)`;
const LEADING_SHELL = new RegExp(`^${SHELL} `);
const NOP = new RegExp(`^(?:${SHELL} )?#\\(nop\\)\\s*`);
// `|2 A=1 B=two words /bin/sh -c ...`: the build args in effect, values unquoted.
const BUILD_ARGS = /^\|(\d+) /;
const SHELL_AFTER_ARGS = new RegExp(` ${SHELL} `);
// The classic builder names what COPY/ADD copied by content hash: `file:<64 hex>`.
const CONTENT_HASH = /\b(file|dir|multi):([0-9a-f]{12})[0-9a-f]{52}\b/g;
const BUILDKIT_SUFFIX = '# buildkit';
/**
 * `created_by` as a person reads it: `RUN apk add curl`, `COPY app.py /srv/`, `ENV A=1`.
 *
 * Strips the machinery both builders add: BuildKit's ` # buildkit` suffix and `RUN |N ARG=...`
 * build args, the shell (`/bin/sh -c`), the classic builder's `#(nop)` marker for non-RUN
 * steps, and shortens its `file:<sha256>` content hashes to 12 hex digits like image IDs.
 * Commands the classic builder ran through the shell get the `RUN ` they lack. Anything
 * else (other tools' free text) is returned trimmed, as written.
 */
function cleanCreatedBy(createdBy) {
    // endsWith, not /\s*# buildkit$/: that regex is quadratic on long runs of spaces, and
    // history text is the Dockerfile author's.
    let text = createdBy.trim();
    if (text.endsWith(BUILDKIT_SUFFIX))
        text = text.slice(0, -BUILDKIT_SUFFIX.length).trimEnd();
    const nop = NOP.exec(text);
    if (nop)
        return shortenHashes(text.slice(nop[0].length).trim());
    const buildKitRun = text.startsWith('RUN ');
    const command = withoutShell(buildKitRun ? text.slice(4) : text);
    if (command !== undefined)
        return `RUN ${command.trim()}`;
    return text;
}
/** The command after the build args and the shell, or undefined when there is no shell. */
function withoutShell(run) {
    const args = BUILD_ARGS.exec(run);
    if (args) {
        const afterCount = run.slice(args[0].length);
        const shell = SHELL_AFTER_ARGS.exec(afterCount);
        if (shell)
            return afterCount.slice(shell.index + shell[0].length);
        // A SHELL we do not recognise: skip N `KEY=value` words (right when values have no spaces).
        const words = afterCount.split(' ');
        return words.slice(Number(args[1])).join(' ');
    }
    const shell = LEADING_SHELL.exec(run);
    return shell ? run.slice(shell[0].length) : undefined;
}
function shortenHashes(text) {
    return text.replace(CONTENT_HASH, '$1:$2');
}
// A build arg's name in a `|N` list: `NAME=` at the start or after a space.
const ARG_NAME = /(?:^| )([A-Za-z_][A-Za-z0-9_]*)=/g;
/**
 * `created_by` with the values of build args hidden, for every output and artifact (the comment
 * shows cleanCreatedBy's form, which drops them):
 *
 *  - a RUN's build-arg list (`RUN |2 A=x y B=s3cret /bin/sh -c ...`) keeps the names only
 *    (`RUN |2 A=*** B=*** /bin/sh -c ...`). Values are unquoted and may hold spaces: each value
 *    runs to the next `NAME=`, the last to the shell; with no shell to end it (an exec-form RUN),
 *    to the end of a value in `knownValues`, else to the next space (a value the action was not
 *    given, with a space, in an exec-form RUN, is the one case that can show in part);
 *  - every value in `knownValues` (the build args the action was given) is hidden wherever else
 *    it appears: BuildKit writes ARG values expanded into WORKDIR, COPY, ADD, USER...
 *
 * A RUN command itself is left as written: a shell expands `$A` when it runs, not in history.
 */
function hideBuildArgValues(createdBy, knownValues = []) {
    const values = [...new Set(knownValues)].filter((v) => v !== '').sort((a, b) => b.length - a.length);
    const list = /^(\s*(?:RUN )?)\|(\d+) /.exec(createdBy);
    if (!list)
        return isRun(createdBy) ? createdBy : hideValues(createdBy, values);
    const count = Number(list[2]);
    const rest = createdBy.slice(list[0].length);
    const names = [...rest.matchAll(ARG_NAME)].slice(0, count);
    if (names.length === 0)
        return createdBy;
    const last = names[names.length - 1];
    const valueStart = last.index + last[0].length;
    const command = rest.slice(valueStart + lastValueLength(rest.slice(valueStart), values));
    const hidden = names.map((name) => `${name[1]}=***`).join(' ');
    return `${list[1]}|${list[2]} ${hidden}${command}`;
}
// Where the list's last value ends: before the shell (unless a known value runs past it: a value
// may hold ` sh -c `); with no shell, after a known value, else at the next space.
function lastValueLength(text, values) {
    const known = values.find((v) => text.startsWith(v) && (text.length === v.length || text[v.length] === ' '));
    const shell = SHELL_AFTER_ARGS.exec(` ${text}`);
    if (shell) {
        const before = Math.max(0, shell.index - 1);
        return known !== undefined && known.length > before ? known.length : before;
    }
    if (known !== undefined)
        return known.length;
    const space = text.indexOf(' ');
    return space === -1 ? text.length : space;
}
// A RUN without build args: its command is the Dockerfile's text, with nothing expanded into it.
function isRun(createdBy) {
    const text = createdBy.trim();
    return text.startsWith('RUN ') || (LEADING_SHELL.test(text) && !NOP.test(text));
}
function hideValues(text, values) {
    let hidden = text;
    for (const value of values)
        hidden = hidden.split(value).join('***');
    return hidden;
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


/***/ })

};
