import { describe, expect, it } from "vitest";

import { addressRefusal, allowList, checkUrl } from "./target-guard";

const closed = { allowHttp: false, allowedTargets: [] };

describe("addressRefusal", () => {
  it.each(["93.184.216.34", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450::1"])(
    "lets the public address %s through",
    (address) => expect(addressRefusal(address, closed)).toBeNull(),
  );

  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.100.100.200",
    "0.0.0.0",
    "224.0.0.251",
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:7f00:1",
    "::ffff:8.8.8.8",
    "fd00:ec2::254",
    "fe80::1",
    "ff02::1",
    "64:ff9b::a00:1",
  ])("refuses %s", (address) => expect(addressRefusal(address, closed)).toMatch(/not a public/));

  it("opens only the configured ranges", () => {
    const open = { allowHttp: true, allowedTargets: ["10.1.0.0/16", "::1/128"] };
    expect(addressRefusal("10.1.2.3", open)).toBeNull();
    expect(addressRefusal("::1", open)).toBeNull();
    expect(addressRefusal("10.2.0.1", open)).toMatch(/not a public/);
  });

  it("rejects a malformed CIDR loudly", () => {
    expect(() => allowList(["10.0.0.0/40"])).toThrow(/prefix/);
    expect(() => allowList(["nonsense"])).toThrow(/not a CIDR/);
  });
});

describe("checkUrl", () => {
  it("allows only https by default, and http when configured", () => {
    expect(() => checkUrl("http://example.com", closed)).toThrow(/only https/);
    expect(() => checkUrl("ftp://example.com", { ...closed, allowHttp: true })).toThrow();
    expect(checkUrl("https://example.com/x", closed).pathname).toBe("/x");
  });
});
