import { run } from '../actions/report.js';
import { createCoreIo, exitWhenFlushed } from '../io/core.js';

await run(createCoreIo());
exitWhenFlushed();
