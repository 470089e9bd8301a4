import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

type Reply = (request: Received, response: ServerResponse) => void;

/**
 * A real HTTP receiver on loopback. Each path answers with its own handler
 * (200 by default) and every request is kept, in arrival order.
 */
export class Receiver {
  readonly received: Received[] = [];
  private readonly handlers = new Map<string, Reply>();
  private server: Server | null = null;
  private waiters: { count: number; path?: string; resolve: () => void }[] = [];

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const entry: Received = {
          path: request.url ?? "/",
          headers: request.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          at: Date.now(),
        };
        this.received.push(entry);
        const handler = this.handlers.get(entry.path) ?? ((_, res) => res.end("ok"));
        handler(entry, response);
        this.check();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));

    return this;
  }

  get port(): number {
    const address = this.server?.address();

    return typeof address === "object" && address !== null ? address.port : 0;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string, reply: Reply): void {
    this.handlers.set(path, reply);
  }

  at(path: string): Received[] {
    return this.received.filter((entry) => entry.path === path);
  }

  /** Resolves once `count` requests (to `path`, when given) have arrived. */
  waitFor(count: number, path?: string, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`receiver: ${count} requests to ${path ?? "*"} did not arrive`)),
        timeoutMs,
      );
      this.waiters.push({
        count,
        ...(path ? { path } : {}),
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      this.check();
    });
  }

  private check(): void {
    this.waiters = this.waiters.filter((waiter) => {
      const have = waiter.path ? this.at(waiter.path).length : this.received.length;
      if (have < waiter.count) return true;
      waiter.resolve();
      return false;
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

export function reply(status: number, headers: Record<string, string> = {}, body = ""): Reply {
  return (_, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };
}
