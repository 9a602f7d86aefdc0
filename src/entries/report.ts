import { run } from '../actions/report.js';
import { createCoreIo } from '../io/core.js';

await run(createCoreIo());
