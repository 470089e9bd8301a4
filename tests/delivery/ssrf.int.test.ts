import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { checkDeliveryTarget, configureDelivery, testFire } from "@/lib/delivery";

import { Receiver } from "./receiver";
import { cleanDeliveries, deliveryState, makeSource, openLoopback } from "./support";

let receiver: Receiver;

beforeAll(async () => {
  receiver = await new Receiver().start();
});

afterAll(async () => {
  configureDelivery({});
  await receiver.stop();
  await cleanDeliveries();
});

beforeEach(async () => {
  await cleanDeliveries();
  // The defaults: https only, public addresses only.
  configureDelivery({ retryScale: 0.001 });
});

async function fire(url: string) {
  const source = await makeSource();

  return testFire(source.id, { url });
}

describe("SSRF guard", () => {
  it("refuses plain http unless TRIPLINE_ALLOW_HTTP is set", async () => {
    const attempt = await fire(receiver.url("/x"));
    expect(attempt).toMatchObject({ statusCode: null, state: "error" });
    expect(attempt.error).toMatch(/only https URLs/);
    await expect(checkDeliveryTarget("http://example.com/")).rejects.toThrow(/only https/);
  });

  it.each([
    ["loopback", "https://127.0.0.1:9/"],
    ["private 10/8", "https://10.1.2.3/"],
    ["private 192.168/16", "https://192.168.0.10/"],
    ["private 172.16/12", "https://172.20.0.1/"],
    ["link-local", "https://169.254.10.10/"],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data/"],
    ["CGNAT", "https://100.64.1.1/"],
    ["multicast", "https://224.0.0.1/"],
    ["unspecified", "https://0.0.0.0/"],
    ["IPv6 loopback", "https://[::1]/"],
    ["IPv4-mapped IPv6", "https://[::ffff:127.0.0.1]/"],
    ["IPv6 unique local", "https://[fd00:ec2::254]/"],
    ["IPv6 link-local", "https://[fe80::1]/"],
  ])("refuses %s addresses (%s) before connecting", async (_, url) => {
    const attempt = await fire(url);
    expect(attempt.statusCode).toBeNull();
    expect(attempt.error).toMatch(/target refused: .*not a public address/);
    const delivery = await deliveryState(attempt.deliveryId);
    expect(delivery.state).toBe("error");
  });

  it("refuses a real name that resolves to loopback (localhost)", async () => {
    configureDelivery({ allowHttp: true });
    const attempt = await fire(`http://localhost:${receiver.port}/named`);
    expect(attempt.error).toMatch(/not a public address/);
    expect(receiver.at("/named")).toHaveLength(0);
    await expect(checkDeliveryTarget(`https://localhost/`)).rejects.toThrow(/not a public/);
  });

  it("refuses a name whose resolver answers with a private address", async () => {
    configureDelivery({ allowHttp: true, resolve: () => Promise.resolve(["127.0.0.1"]) });
    const attempt = await fire(`http://hooks.example.test:${receiver.port}/rebind`);
    expect(attempt.error).toMatch(/hooks\.example\.test: 127\.0\.0\.1 is not a public address/);
    expect(receiver.at("/rebind")).toHaveLength(0);
  });

  it("refuses a name when any of its answers is private", async () => {
    configureDelivery({ resolve: () => Promise.resolve(["93.184.216.34", "10.0.0.5"]) });
    await expect(checkDeliveryTarget("https://mixed.example.test/")).rejects.toThrow(/10\.0\.0\.5/);
  });

  it("connects to the address it checked, not to a fresh lookup", async () => {
    // The name exists only in this resolver: reaching the receiver proves the
    // socket used the checked answer.
    openLoopback({ resolve: () => Promise.resolve(["127.0.0.1"]) });
    const attempt = await fire(`http://only-in-the-guard.test:${receiver.port}/checked`);
    expect(attempt.statusCode).toBe(200);
    expect(receiver.at("/checked")).toHaveLength(1);
  });

  it("opens exactly the ranges in TRIPLINE_ALLOWED_TARGETS", async () => {
    openLoopback({ allowedTargets: ["127.0.0.1/32"] });
    expect((await fire(receiver.url("/allowed"))).statusCode).toBe(200);
    const other = await fire(`http://127.0.0.2:${receiver.port}/other`);
    expect(other.error).toMatch(/not a public address/);
  });

  it("never follows a redirect: a 3xx is a failure", async () => {
    openLoopback();
    receiver.on("/moved", (_, res) => res.writeHead(302, { location: "/target" }).end());
    const attempt = await fire(receiver.url("/moved"));
    expect(attempt).toMatchObject({ statusCode: 302, state: "error" });
    expect(receiver.at("/target")).toHaveLength(0);
  });
});
