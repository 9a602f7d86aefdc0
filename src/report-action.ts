/**
 * The report sub-action (`uses: <owner>/shipshape/report@v1`): measure an image built
 * elsewhere, straight from its registry, and compare it with a baseline.
 */
import * as runner from './runner.js';
import { InputError } from './errors.js';
import { parseList } from './util/list.js';
import { readBoolean } from './inputs.js';
import { measureAgainstBaseline } from './measure/against-baseline.js';
import { sizeTable } from './report/table.js';

async function run(): Promise<void> {
  const password = runner.getInput('password');
  runner.addMask(password);
  try {
    const image = runner.getInput('image');
    if (!image) throw new InputError('image', '', 'is required: the reference of the image to measure');
    const report = await measureAgainstBaseline(image, runner.getInput('baseline') || undefined, {
      platforms: parseList(runner.getInput('platforms')),
      analyzeLayers: readBoolean(runner.getInput, 'analyze-layers', true),
      username: runner.getInput('username') || undefined,
      password: password || undefined,
      insecureRegistries: parseList(runner.getInput('insecure-registries')),
      env: process.env,
      onSecret: runner.addMask,
      log: runner.info,
    });
    runner.info(sizeTable(report));
    runner.setOutput('size-report', JSON.stringify(report));
  } catch (error) {
    runner.setFailed(error instanceof Error ? error.message : String(error));
  }
}

await run();
