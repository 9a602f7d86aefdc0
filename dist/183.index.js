export const id = 183;
export const ids = [183];
export const modules = {

/***/ 3183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PushRefusedError: () => (/* binding */ PushRefusedError),
/* harmony export */   checkPushAccess: () => (/* binding */ checkPushAccess),
/* harmony export */   describeWritten: () => (/* binding */ describeWritten),
/* harmony export */   openPushTargets: () => (/* binding */ openPushTargets),
/* harmony export */   tagStates: () => (/* binding */ tagStates),
/* harmony export */   writtenTags: () => (/* binding */ writtenTags)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);
/* harmony import */ var _registry_connect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3434);
/* harmony import */ var _registry_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6764);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2148);
/**
 * Nothing half-pushed. A push to several repositories (images on two registries, or full
 * references in `tags`) writes them one after another: one that refuses the write after another
 * took it leaves the image tagged in one place and not the other. So before the first write,
 * every target repository must take a push (an upload opened with a pull,push authorization and
 * cancelled, registry/upload.ts: nothing is written); and when a push fails anyway, what each tag
 * points to afterwards, compared with before, says which tags it wrote.
 */




/** A push the registry would refuse, found before anything was written. */
class PushRefusedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    constructor(message) {
        super(message);
        this.name = 'PushRefusedError';
    }
}
/**
 * Connects to each repository (credentials from Docker's config, as buildx finds them) and checks
 * that it takes a push; the error names every one that would not, and why.
 */
async function openPushTargets(names, options) {
    const opened = await Promise.all(names.map(async (name) => {
        try {
            const { client, reference } = await (0,_registry_connect_js__WEBPACK_IMPORTED_MODULE_1__/* .connect */ .N)(name, options);
            return { name, client, repository: reference.repository };
        }
        catch (error) {
            return `${name}: ${error.message}`;
        }
    }));
    const targets = opened.filter((target) => typeof target !== 'string');
    const refused = opened.filter((target) => typeof target === 'string');
    await checkPushAccess(targets, refused, names.length);
    return targets;
}
/** Every target must take a push; the error names each one that would not, and why. */
async function checkPushAccess(targets, refusedAlready = [], total = targets.length) {
    const refusals = await Promise.all(targets.map((target) => target.client.checkPushAccess(target.repository, { image: target.name }).then(() => undefined, (error) => `${target.name}: ${error.message}`)));
    const refused = [...refusedAlready, ...refusals.filter((refusal) => !!refusal)];
    if (refused.length === 0)
        return;
    throw new PushRefusedError(`Cannot push to ${refused.length} of the ${total} repositories, so nothing was pushed:\n` +
        refused.map((line) => `  ${line}`).join('\n'));
}
/** The state of every tag (full references), each asked of its repository's target. */
async function tagStates(tags, targets) {
    const byName = new Map(targets.map((target) => [target.name, target]));
    const states = await Promise.all(tags.map(async (tag) => {
        const { name, tag: value } = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(tag);
        const target = byName.get(name);
        if (!target)
            return [tag, 'unknown'];
        try {
            return [tag, (await target.client.headManifest(target.repository, value ?? 'latest')).digest];
        }
        catch (error) {
            return [tag, (0,_registry_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error) ? 'absent' : 'unknown'];
        }
    }));
    return new Map(states);
}
/** After a failed push: the tags that point elsewhere than before (written), and those it cannot tell. */
async function writtenTags(before, targets) {
    const after = await tagStates([...before.keys()], targets);
    const written = [];
    const unknown = [];
    for (const [tag, was] of before) {
        const now = after.get(tag);
        if (was === 'unknown' || now === 'unknown')
            unknown.push(tag);
        else if (now !== was && now !== 'absent')
            written.push(tag);
    }
    return { written, unknown };
}
/** `; tagged before the failure: a, b` (or that nothing was), for the error of a failed push. */
function describeWritten({ written, unknown }) {
    const tagged = written.length > 0 ? `tagged before the failure: ${written.join(', ')}` : 'no tag was written';
    return unknown.length > 0 ? `${tagged} (cannot tell for ${unknown.join(', ')})` : tagged;
}


/***/ })

};
