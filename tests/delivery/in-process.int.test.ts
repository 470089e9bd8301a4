import { afterEach, describe, expect, it } from "vitest";

import { loadConfig } from "@/lib/config";
import { startInProcessWorker, stopInProcessWorker } from "@/lib/worker";

import { deliveryState, enqueue, makeSource, receiverPerFile, waitUntil } from "./support";

/** The configuration `npm start` would load with this TRIPLINE_WORKER. */
function configWith(setting: "on" | "off") {
  return loadConfig({ ...process.env, TRIPLINE_WORKER: setting, TRIPLINE_WORKER_POLL_MS: "100" });
}

const file = receiverPerFile();

afterEach(stopInProcessWorker);

describe("the worker inside the server process (instrumentation.ts)", () => {
  it("does not start with TRIPLINE_WORKER=off: nothing is sent", async () => {
    const source = await makeSource();
    const { id } = await enqueue(source.id, file.receiver.url("/off"));

    expect(startInProcessWorker(configWith("off"))).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(file.receiver.at("/off")).toHaveLength(0);
    expect((await deliveryState(id)).state).toBe("pending");
  });

  it("starts by default, once per process, and delivers what is queued", async () => {
    const source = await makeSource();
    const { id } = await enqueue(source.id, file.receiver.url("/on"));

    const worker = startInProcessWorker(configWith("on"));
    expect(worker).not.toBeNull();
    expect(startInProcessWorker(configWith("on"))).toBe(worker);
    await waitUntil(async () => (await deliveryState(id)).state === "success", 10_000);
    expect(file.receiver.at("/on")).toHaveLength(1);
  });
});
