export const id = 365;
export const ids = [365];
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

/***/ 1405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ readDockerfileSource)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(2148);
;// CONCATENATED MODULE: ./src/buildx/flag-paths.ts
/**
 * Where each buildx flag's syntax holds a local path (a build context, an SSH key, a local cache,
 * an output), so that inputs/ can hold every one of them to the path rule.
 */


/** Git and HTTP URLs buildx fetches itself; `-` is a tar on stdin. */
function isRemoteContext(context) {
    return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(context) || context === '-';
}
/**
 * A `build-contexts` entry, NAME=VALUE: a local directory, or `oci-layout://PATH[:TAG][@DIGEST]`
 * (buildx cuts the digest, then the tag); undefined for an image (`docker-image://`) or a URL.
 */
function buildContextPath(entry) {
    const value = entry.slice(entry.indexOf('=') + 1).trim();
    const layout = ociLayoutPath(value);
    if (layout !== undefined)
        return layout.split('@')[0].split(':')[0];
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || isRemoteContext(value))
        return undefined;
    return value;
}
/** An `ssh` entry, `default|ID[=PATH[,PATH]]`: its sockets or keys (none: the agent of SSH_AUTH_SOCK). */
function sshPaths(entry) {
    const eq = entry.indexOf('=');
    return eq < 0 ? [] : parseList(entry.slice(eq + 1));
}
/** A `cache-from` / `cache-to` entry's `src` or `dest` (type=local); a bare entry is a registry reference. */
function cachePaths(entry) {
    const fields = parseList(entry);
    return fields.length === 1 && !fields[0].includes('=') ? [] : fieldPaths(fields);
}
/** An `outputs` entry's `dest`, or the bare path buildx takes for a local export; `-` is stdout. */
function outputPaths(entry) {
    const fields = parseList(entry);
    if (fields.length === 1 && !fields[0].includes('='))
        return fields[0] === '-' ? [] : [fields[0]];
    return fieldPaths(fields);
}
function fieldPaths(fields) {
    const paths = [];
    for (const field of fields) {
        const eq = field.indexOf('=');
        const key = field.slice(0, eq).trim();
        const value = field.slice(eq + 1).trim();
        if (eq > 0 && (key === 'src' || key === 'dest') && value !== '' && value !== '-')
            paths.push(value);
    }
    return paths;
}

;// CONCATENATED MODULE: ./src/advise/dockerfile-source.ts
/**
 * Finds and reads the Dockerfile that made the image, for advice: the `file` input, or
 * `<context>/Dockerfile` of a local context. Names it relative to the workspace (the repository
 * checkout), which is how GitHub annotations name files: `app/docker/Dockerfile`, not
 * `/home/runner/work/app/app/app/docker/Dockerfile` nor `docker/Dockerfile` relative to a context.
 */



// A Dockerfile is a few kB; a huge file is not one worth parsing for advice.
const MAX_DOCKERFILE_BYTES = 1_000_000;
async function readDockerfileSource(where) {
    if (isRemoteContext(where.context)) {
        return {
            found: false,
            reason: 'the build context is remote (Git or URL), so its Dockerfile is not on disk',
        };
    }
    if (where.file === '-')
        return { found: false, reason: 'the Dockerfile came from stdin (file: -)' };
    // A template, not resolve(context, 'Dockerfile'): ncc would take that for an asset to bundle.
    const path = where.file
        ? (0,external_node_path_.resolve)(where.cwd, where.file)
        : `${(0,external_node_path_.resolve)(where.cwd, where.context)}/Dockerfile`;
    let size;
    try {
        const info = await (0,promises_.stat)(path);
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
    const text = await (0,promises_.readFile)(path, 'utf8');
    const fromWorkspace = (0,external_node_path_.relative)((0,external_node_path_.resolve)(where.workspace), path);
    const inWorkspace = fromWorkspace !== '' &&
        fromWorkspace !== '..' &&
        !fromWorkspace.startsWith(`..${external_node_path_.sep}`) &&
        !(0,external_node_path_.isAbsolute)(fromWorkspace);
    const file = (inWorkspace ? fromWorkspace : path).split(external_node_path_.sep).join('/');
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


/***/ })

};
