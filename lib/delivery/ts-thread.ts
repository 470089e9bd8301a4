import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Threads that run lib/'s TypeScript: the engine's HTTP calls
 * (http-thread.ts) and the delivery worker (lib/worker/thread.ts).
 *
 * The thread's first code registers tsx, as bin/tripline does, then loads
 * the entry module. The bootstrap is a string so that the bundler leaves the
 * thread's code alone rather than trying to bundle tsx.
 */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import("tsx/esm/api")
  .then(({ register }) => {
    register({ tsconfig: workerData.tsconfig });
    return import(workerData.entry);
  });
`;

/**
 * The project's root: from this file's own location where it runs from
 * source (tsx, the tests), else the working directory, like the migrations
 * (lib/db/migrate.ts): in the Next.js server this module is bundled and its
 * location says nothing.
 */
function projectRoot(): string {
  const here = import.meta.url.startsWith("file:") ? fileURLToPath(import.meta.url) : "";

  return here.endsWith(join("lib", "delivery", "ts-thread.ts"))
    ? resolve(dirname(here), "..", "..")
    : process.cwd();
}

/**
 * Starts a thread running `entry` (a path under the project root, such as
 * `lib/delivery/http-thread-worker.ts`); `data` reaches it as
 * `workerData.data`.
 */
export function startTsThread(entry: string, data: unknown = null, root = projectRoot()): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      tsconfig: join(root, "tsconfig.json"),
      entry: pathToFileURL(join(root, entry)).href,
      data,
    },
  });
}
