export const id = 693;
export const ids = [693];
export const modules = {

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


/***/ })

};
