// A dispatcher alone in its own process, for tests that kill it: reads change
// events in batches of DISPATCH_BATCH until SIGTERM, then exits 0.
import { dispatchOnce } from "@/lib/hooks";

async function main(): Promise<void> {
  const batch = Number(process.env.DISPATCH_BATCH ?? "50");
  let stopping = false;
  process.once("SIGTERM", () => {
    stopping = true;
  });
  while (!stopping) {
    const { events } = await dispatchOnce(batch);
    if (events === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

await main();
process.exit(0);
