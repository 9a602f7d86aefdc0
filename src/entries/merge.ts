import { run } from '../actions/merge.js';
import { createCoreIo } from '../io/core.js';

await run(createCoreIo());
