import { describe, expect, it } from "vitest";

import { decoyHash, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses others", async () => {
    const hash = await hashPassword("pässword with ümlauts");

    expect(await verifyPassword("pässword with ümlauts", hash)).toBe(true);
    expect(await verifyPassword("password with umlauts", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("checks unknown emails against a decoy with the same scheme and cost as a real hash", async () => {
    const params = (stored: string) => stored.split("$").slice(0, 4);
    const decoy = await decoyHash();

    expect(params(decoy)).toEqual(params(await hashPassword("a real password")));
    expect(await decoyHash()).toBe(decoy);
    expect(await verifyPassword("anything", decoy)).toBe(false);
  });

  it("refuses malformed stored hashes instead of throwing", async () => {
    for (const stored of ["", "plain", "md5$abc", "scrypt$1$2$3"]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });
});
