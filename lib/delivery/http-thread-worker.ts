import { parentPort, type MessagePort } from "node:worker_threads";

import { postJson } from "./http";
import type { ThreadAnswer, ThreadCall, ThreadMessage } from "./http-thread";

// The thread side of http-thread.ts: makes each call it is sent and answers
// in batches, one message for every call that ended in the same turn.

function serve(port: MessagePort): void {
  let answers: ThreadAnswer[] = [];
  const answer = (id: number, result: ThreadAnswer["result"]) => {
    if (!answers.length) {
      setImmediate(() => {
        const batch = answers;
        answers = [];
        port.postMessage(batch satisfies ThreadMessage);
      });
    }
    answers.push({ id, result });
  };

  port.on("message", (calls: ThreadCall[]) => {
    for (const { id, call, policy } of calls) {
      // postJson never throws: every failure is a result.
      void postJson({ ...call, url: new URL(call.url) }, policy).then((result) =>
        answer(id, result),
      );
    }
  });
}

if (!parentPort) throw new Error("http-thread-worker.ts runs only as a worker thread");
serve(parentPort);
parentPort.postMessage({ ready: true } satisfies ThreadMessage);
