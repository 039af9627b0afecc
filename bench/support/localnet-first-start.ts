/**
 * One localnet start in a fresh process, the way `npx kofi-localnet` or a test file's first start pays it:
 * parsing, checking and publishing move/sources included (a process caches the checked package after its first
 * start). Prints the milliseconds of `startLocalnet()` alone, module loading excluded. Used by bench/localnet.ts.
 */
import { startLocalnet } from "../../packages/localnet/src/index.ts";

const t0 = performance.now();
const ln = await startLocalnet({ port: 0, quiet: true });
const ms = performance.now() - t0;
await ln.stop();
process.stdout.write(`${ms}\n`);
