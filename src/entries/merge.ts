import { run } from '../actions/merge.js';
import { createCoreIo, exitWhenFlushed } from '../io/core.js';

await run(createCoreIo());
exitWhenFlushed();
