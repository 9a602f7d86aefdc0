import type { BuildOptions } from '../../src/buildx/buildx.js';

export const META = '/tmp/shipshape/metadata.json';
export const IID = '/tmp/shipshape/iid.txt';

/** Build options with every list empty and every flag off, plus the overrides. */
export function buildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    context: '.',
    buildArgs: [],
    buildContexts: [],
    platforms: [],
    labels: {},
    annotations: [],
    tags: [],
    secrets: [],
    ssh: [],
    cacheFrom: [],
    cacheTo: [],
    noCache: false,
    noCacheFilters: [],
    pull: false,
    push: false,
    load: false,
    outputs: [],
    attests: [],
    allow: [],
    addHosts: [],
    ulimits: [],
    metadataFile: META,
    iidFile: IID,
    ...overrides,
  };
}
