import type { Rule } from '../model.js';
import { singleStageToolchain } from './single-stage-toolchain.js';
import { copyBeforeInstall } from './copy-before-install.js';
import { baseImageShare } from './base-image-share.js';
import { packageCacheRule } from './package-cache.js';
import { hiddenBytesRule } from './hidden-bytes.js';
import { mergeRunsRule } from './merge-runs.js';
import { addLocalFileRule, addUrlRule } from './add-instead-of-copy.js';
import { aptRecommendsRule } from './apt-recommends.js';
import { devDependenciesRule } from './dev-dependencies.js';
import { dockerignoreRule } from './dockerignore.js';
import { jdkRuntimeRule } from './jdk-runtime.js';
import { packageNoopRule } from './package-noop.js';
import { reproducibleBuildRule } from './reproducible-build.js';

// Every rule the advisor runs, in a stable order. Rule files add themselves here.
export const RULES: Rule[] = [
  singleStageToolchain,
  copyBeforeInstall,
  baseImageShare,
  packageCacheRule,
  hiddenBytesRule,
  mergeRunsRule,
  addLocalFileRule,
  addUrlRule,
  devDependenciesRule,
  aptRecommendsRule,
  dockerignoreRule,
  jdkRuntimeRule,
  packageNoopRule,
  reproducibleBuildRule,
];
