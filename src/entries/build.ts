import { run } from '../actions/build.js';
import { createCoreIo } from '../io/core.js';

await run(createCoreIo());
