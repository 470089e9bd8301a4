import { describe, expect, it } from "vitest";

import { newRowId } from "./ids";

describe("newRowId", () => {
  it("makes version-7 UUIDs that sort in the order they were made", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      ids.push(newRowId());
      // Across milliseconds too, not only within one.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }

    expect(
      ids.every((id) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
      ),
    ).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
