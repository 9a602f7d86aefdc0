import { run } from '../actions/build.js';
import { createCoreIo, exitWhenFlushed } from '../io/core.js';

await run(createCoreIo());
exitWhenFlushed();
