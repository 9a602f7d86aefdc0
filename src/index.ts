import { run } from './main.js';
import { createCoreIo } from './io/core.js';

await run(createCoreIo());
