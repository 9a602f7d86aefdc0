export const id = 633;
export const ids = [633];
export const modules = {

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


/***/ })

};
