export { startInProcessWorker, stopInProcessWorker } from "./in-process";
export { DeliveryWorker, workerOptionsFromConfig, type WorkerOptions } from "./runner";
export { runStandaloneWorker } from "./standalone";
export { tick, type TickResult } from "./tick";
export { DeliveryThread, startDeliveryWorker, type RunningWorker } from "./thread";
