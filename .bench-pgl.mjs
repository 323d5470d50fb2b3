import { PGlite } from "@electric-sql/pglite";
import { rmSync } from "node:fs";
rmSync("/tmp/pgl-test", { recursive: true, force: true });
let t = performance.now();
const a = new PGlite("/tmp/pgl-test"); await a.waitReady; console.log("fresh", performance.now() - t); await a.close();
t = performance.now();
const b = new PGlite("/tmp/pgl-test"); await b.waitReady; console.log("existing", performance.now() - t); await b.close();
t = performance.now();
const c = new PGlite(); await c.waitReady; console.log("memory", performance.now() - t); await c.close();
