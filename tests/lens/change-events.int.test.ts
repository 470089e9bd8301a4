import { beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { readChangeEvents, SEED_ACTOR, writeRecords, type ChangeEvent } from "@/lib/lens";

import { makeToken, makeUser, resetDatabase, sessionCookie } from "../helpers";
import {
  allEvents,
  at,
  gql,
  makeBasics,
  makeJobs,
  resetLens,
  stringAt,
  type Basics,
} from "./lens-helpers";

let admin: { token: string; tokenId: string };
let basics: Basics;

beforeEach(async () => {
  await resetDatabase();
  await resetLens();
  const made = await makeToken("admin");
  admin = { token: made.token, tokenId: made.view.id };
  basics = await makeBasics();
});

async function eventsFor(uid: string) {
  return (await allEvents()).filter((event) => event.uid === uid);
}

describe("change events", () => {
  it("an insert writes previous null, every current value and the token as actor", async () => {
    const result = await gql(
      { token: admin.token },
      `mutation { schema { insertJobs(input: { RegionId: "${basics.regionId}", Duration: 90,
                                                Start: "2027-05-01T08:30:00Z" }) } }`,
    );
    const uid = String(at(result.data, "schema", "insertJobs"));
    const [event, ...others] = await eventsFor(uid);

    expect(others).toEqual([]);
    expect(event).toMatchObject({
      object: "Jobs",
      operation: "INSERT",
      previous: null,
      actor: { type: "token", id: admin.tokenId },
    });
    expect(event?.current).toMatchObject({
      UID: uid,
      Name: "JOB-0001",
      JobStatus: "Queued",
      Duration: 90,
      Start: "2027-05-01T08:30:00.000Z",
      Description: null,
    });
    expect(event?.changedFields).toContain("Duration");
  });

  it("an update records previous and current values and the fields that changed", async () => {
    const [uid = ""] = await makeJobs(1, () => ({ RegionId: basics.regionId }));
    const user = await makeUser("admin");
    const cookie = await sessionCookie(user.id);
    await gql(
      { headers: { cookie, origin: "http://tripline.test" } },
      `mutation { schema { updateJobs(input: { UID: "${uid}", JobStatus: "Dispatched", Duration: 60 }) } }`,
    );
    const [, update] = await eventsFor(uid);

    expect(update).toMatchObject({ operation: "UPDATE", actor: { type: "user", id: user.id } });
    expect(update?.previous).toMatchObject({ JobStatus: "Queued", Duration: 60 });
    expect(update?.current).toMatchObject({ JobStatus: "Dispatched", Duration: 60 });
    // LastModifiedDate is listed too unless both writes fell in one millisecond.
    const changed = update?.changedFields.filter((name) => name !== "LastModifiedDate");
    expect(changed).toEqual(["JobStatus"]);
  });

  it("an update that changes nothing writes no event and keeps LastModifiedDate", async () => {
    const [uid = ""] = await makeJobs(1, () => ({ RegionId: basics.regionId, Urgency: "High" }));
    const before = await getDb().job.findUniqueOrThrow({ where: { UID: uid } });
    const count = (await allEvents()).length;
    const result = await gql(
      { token: admin.token },
      `mutation { schema { updateJobs(input: { UID: "${uid}", Urgency: "High", Duration: 60 }) } }`,
    );

    expect(result.data).toEqual({ schema: { updateJobs: uid } });
    expect(await allEvents()).toHaveLength(count);
    const after = await getDb().job.findUniqueOrThrow({ where: { UID: uid } });
    expect(after.LastModifiedDate).toEqual(before.LastModifiedDate);
  });

  it("a delete carries the deleted values as previous and nothing as current", async () => {
    const [uid = ""] = await makeJobs(1, () => ({
      RegionId: basics.regionId,
      Description: "gone",
    }));
    await gql({ token: admin.token }, `mutation { schema { deleteJobs(UID: "${uid}") } }`);
    const [insert, remove] = await eventsFor(uid);

    expect(remove).toMatchObject({ operation: "DELETE", current: null });
    expect(remove?.previous).toEqual(insert?.current);
    expect(remove?.previous?.Description).toBe("gone");
  });

  it("seq is gap-free from 1 and readChangeEvents pages in order", async () => {
    const all = await allEvents();
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));

    const firstPage = await readChangeEvents({ after: 0, limit: 3 });
    const secondPage = await readChangeEvents({ after: 3, limit: 3 });
    expect(firstPage.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(secondPage.map((event) => event.seq)).toEqual([4, 5, 6]);
    expect(await readChangeEvents({ after: all.length })).toEqual([]);
  });
});

describe("concurrent writers", () => {
  it("20 concurrent updates of one job give 20 events whose values chain exactly", async () => {
    const [uid = ""] = await makeJobs(1, () => ({ RegionId: basics.regionId }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        gql(
          { token: admin.token },
          `mutation { schema { updateJobs(input: { UID: "${uid}", Description: "take ${index}" }) } }`,
        ),
      ),
    );
    expect(results.flatMap((result) => result.errors)).toEqual([]);

    const [insert, ...updates] = await eventsFor(uid);
    expect(updates).toHaveLength(20);
    let previous = insert?.current;
    for (const update of updates) {
      expect(update.previous).toEqual(previous);
      previous = update.current;
    }
    const descriptions = updates.map((update) => update.current?.Description);
    expect(new Set(descriptions).size).toBe(20);
    const all = await allEvents();
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
  });

  it("concurrent inserts get unique JOB names without gaps", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        gql(
          { token: admin.token },
          `mutation { schema { insertJobs(input: { RegionId: "${basics.regionId}", Duration: 15 }) } }`,
        ),
      ),
    );
    expect(results.flatMap((result) => result.errors)).toEqual([]);

    const names = (await getDb().job.findMany({ select: { Name: true } })).map((job) => job.Name);
    const expected = Array.from(
      { length: 20 },
      (_, index) => `JOB-${String(index + 1).padStart(4, "0")}`,
    );
    expect(names.sort()).toEqual(expected);
    const all = await allEvents();
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
  });

  it("transactions with no, one or several events, or a rollback, keep seq gap-free", async () => {
    const [uid = ""] = await makeJobs(1, () => ({ RegionId: basics.regionId, Duration: 30 }));
    const unchanged = () =>
      writeRecords(SEED_ACTOR, (writer) => writer.update("Jobs", uid, { Duration: 30 }));
    const rolledBack = gql(
      { token: admin.token },
      `mutation { schema {
        a: updateJobs(input: { UID: "${uid}", Description: "kept?" })
        b: updateJobs(input: { UID: "${uid}", JobStatus: "Nonsense" }) } }`,
    );
    await Promise.all([
      unchanged(),
      makeJobs(3, () => ({ RegionId: basics.regionId })),
      rolledBack,
      gql(
        { token: admin.token },
        `mutation { schema { updateJobs(input: { UID: "${uid}", Description: "one" }) } }`,
      ),
      unchanged(),
    ]);
    expect((await rolledBack).data).toBeNull();

    const all = await allEvents();
    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
    expect(all.some((event) => event.current?.Description === "kept?")).toBe(false);
    const counter = await getDb().counter.findUnique({ where: { name: "change_event" } });
    expect(counter?.value).toBe(all.length);

    await writeRecords(SEED_ACTOR, (writer) => writer.update("Jobs", uid, { Duration: 45 }));
    const next = await allEvents();
    expect(next.map((event) => event.seq)).toEqual(next.map((_, index) => index + 1));
    expect(next).toHaveLength(all.length + 1);
  });

  it("a reader paging while 20 writers commit concurrently sees every event once, in order, with no hole", async () => {
    const baseline = (await allEvents()).at(-1)?.seq ?? 0;
    const insertJob = `insertJobs(input: { RegionId: "${basics.regionId}", Duration: 20 })`;
    // One, two or three inserts per transaction: through GraphQL or writeRecords.
    const write = async (index: number): Promise<string[]> => {
      if (index % 3 === 2) return makeJobs(3, () => ({ RegionId: basics.regionId }));
      const aliases = index % 3 === 0 ? ["one"] : ["first", "second"];
      const fields = aliases.map((alias) => `${alias}: ${insertJob}`).join(" ");
      const result = await gql({ token: admin.token }, `mutation { schema { ${fields} } }`);

      return aliases.map((alias) => stringAt(result.data, "schema", alias));
    };

    let writersDone = false;
    const writing = Promise.all(Array.from({ length: 20 }, (_, index) => write(index))).finally(
      () => {
        writersDone = true;
      },
    );
    const pages: { after: number; seqs: number[]; whileWriting: boolean }[] = [];
    const reading = (async () => {
      const seen: ChangeEvent[] = [];
      let last = baseline;
      for (;;) {
        // Taken before the read starts: only a read begun after every commit may end the loop.
        const whileWriting = !writersDone;
        const page = await readChangeEvents({ after: last, limit: 4 });
        pages.push({ after: last, seqs: page.map((event) => event.seq), whileWriting });
        seen.push(...page);
        last = page.at(-1)?.seq ?? last;
        if (!whileWriting && page.length === 0) return seen;
      }
    })();
    const [written, seen] = await Promise.all([writing, reading]);

    for (const page of pages) {
      expect(page.seqs).toEqual(page.seqs.map((_, index) => page.after + 1 + index));
    }
    // The reader did see events while writers were still committing.
    expect(pages.some((page) => page.whileWriting && page.seqs.length > 0)).toBe(true);
    const seqs = seen.map((event) => event.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    const uids = written.flat();
    expect(seqs).toEqual(uids.map((_, index) => baseline + 1 + index));
    expect(seen.map((event) => event.uid).sort()).toEqual([...uids].sort());
    expect(seen.every((event) => event.operation === "INSERT")).toBe(true);
    expect(await allEvents()).toHaveLength(baseline + uids.length);
  });

  it("writes through writeRecords and through GraphQL share one sequence", async () => {
    await Promise.all([
      makeJobs(5, () => ({ RegionId: basics.regionId })),
      writeRecords(SEED_ACTOR, (writer) =>
        writer.insert("Regions", { Name: "W", Timezone: "UTC" }),
      ),
      gql(
        { token: admin.token },
        `mutation { schema { insertRegions(input: { Name: "Q", Timezone: "UTC" }) } }`,
      ),
    ]);
    const all = await allEvents();

    expect(all.map((event) => event.seq)).toEqual(all.map((_, index) => index + 1));
  });
});
