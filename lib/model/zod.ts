/**
 * The one place zod is imported. MV3 extension pages forbid `new Function`, which zod's JIT
 * probes for, so jitless mode is set before any schema is built. `zod/mini` is used everywhere:
 * it tree-shakes, so content scripts can afford to validate what they read.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
