import { testDialects } from "@teamops/testing"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { at, type CoverageHost, openCoverage, staffedAt } from "./support.js"

const mondayToFriday = (start: string, end: string) => {
  const day = [{ start, end }]
  return { mon: day, tue: day, wed: day, thu: day, fri: day }
}

describe.each(testDialects())("coverage on %s", (dialect) => {
  let host: CoverageHost
  beforeEach(async () => {
    host = await openCoverage(dialect)
  })
  afterEach(async () => {
    await host.close()
  })

  describe("the week", () => {
    it("runs Monday to Monday in UTC for a team without a calendar, in 336 half hours", async () => {
      await host.createTeam("plain")
      const c = await host.coverage("plain", `weekOf: "2026-03-11"`, "timeZone start end intervals { start }")
      expect([c.timeZone, c.start, c.end]).toEqual(["UTC", "2026-03-09T00:00:00.000Z", "2026-03-16T00:00:00.000Z"])
      expect(c.intervals).toHaveLength(336)
      expect(c.intervals[1].start).toBe("2026-03-09T00:30:00.000Z")
    })

    it("loses two half hours in the week New York springs forward, and gains two when it falls back", async () => {
      await host.createTeam("ny", "America/New_York")
      const spring = await host.coverage("ny", `weekOf: "2026-03-08"`, "timeZone start end intervals { start }")
      expect([spring.timeZone, spring.start, spring.end]).toEqual([
        "America/New_York",
        "2026-03-02T05:00:00.000Z",
        "2026-03-09T04:00:00.000Z",
      ])
      expect(spring.intervals).toHaveLength(334)
      const autumn = await host.coverage("ny", `weekOf: "2026-11-01"`, "start end intervals { start }")
      expect([autumn.start, autumn.end]).toEqual(["2026-10-26T04:00:00.000Z", "2026-11-02T05:00:00.000Z"])
      expect(autumn.intervals).toHaveLength(338)
      const after = await host.coverage("ny", `weekOf: "2026-11-02"`, "intervals { start }")
      expect(after.intervals).toHaveLength(336)
    })

    it("refuses a week, a staffing or a number of weeks that do not decode, naming the argument", async () => {
      await host.createTeam("plain")
      const ask = async (args: string) =>
        (await host.graphql(`{ team(key: "plain") { coverage(${args}) { start } } }`)).errors?.[0]?.message
      expect(await ask(`weekOf: "2026-02-30"`)).toContain("weekOf")
      expect(await ask(`weekOf: "2026-03-09", weeks: 0`)).toMatch(/weeks.*1 to 52/)
      expect(await ask(`weekOf: "2026-03-09", weeks: 53`)).toMatch(/weeks.*1 to 52/)
      expect(await ask(`weekOf: "2026-03-09", minStaffed: -1`)).toContain("minStaffed")
    })
  })

  describe("staffed", () => {
    it("reads each person's hours in their own zone for that week: New York has changed, London not yet", async () => {
      await host.createTeam("mixed")
      await host.createPerson("london@x.com", "mixed", { timeZone: "Europe/London" })
      await host.createPerson("newyork@x.com", "mixed", { timeZone: "America/New_York" })
      const starts = ["08:30", "09:00", "12:30", "13:00", "13:30", "16:30", "17:00", "20:30", "21:00", "21:30"]
      // Monday 2026-03-09: London on GMT (09-17Z), New York on EDT since the 8th (13-21Z).
      const after = await host.coverage("mixed", `weekOf: "2026-03-09"`)
      expect(
        staffedAt(
          after.intervals,
          starts.map((s) => `2026-03-09T${s}:00Z`),
        ),
      ).toEqual([0, 1, 1, 2, 2, 2, 1, 1, 0, 0])
      // A week earlier New York was on EST (14-22Z).
      const before = await host.coverage("mixed", `weekOf: "2026-03-02"`)
      expect(
        staffedAt(
          before.intervals,
          starts.map((s) => `2026-03-02T${s}:00Z`),
        ),
      ).toEqual([0, 1, 1, 1, 1, 2, 1, 1, 1, 1])
      // Nobody works at the weekend.
      expect(at(after.intervals, "2026-03-14T12:00:00Z").staffed).toBe(0)
    })

    it("does not count a person whose hours hold only part of a half hour", async () => {
      await host.createTeam("edges")
      await host.createPerson("late@x.com", "edges", { workingHours: mondayToFriday("09:15", "17:00") })
      await host.createPerson("early@x.com", "edges", { workingHours: mondayToFriday("09:00", "16:45") })
      const c = await host.coverage("edges", `weekOf: "2026-03-09"`)
      const starts = ["09:00", "09:30", "16:00", "16:30", "17:00"]
      expect(
        staffedAt(
          c.intervals,
          starts.map((s) => `2026-03-09T${s}:00Z`),
        ),
      ).toEqual([1, 2, 2, 1, 0])
    })

    it("counts hours that run over midnight as one span", async () => {
      await host.createTeam("nights")
      const late = [{ start: "22:00", end: "24:00" }]
      const early = [{ start: "00:00", end: "02:00" }]
      await host.createPerson("night@x.com", "nights", { workingHours: { mon: late, tue: early } })
      const c = await host.coverage("nights", `weekOf: "2026-03-09"`)
      expect(staffedAt(c.intervals, ["2026-03-09T23:30:00Z", "2026-03-10T00:00:00Z", "2026-03-10T02:00:00Z"])).toEqual([
        1, 1, 0,
      ])
    })

    it("counts a person from their hire date and through their last day, in their own zone", async () => {
      await host.createTeam("changes")
      await host.createPerson("new@x.com", "changes", { hireDate: "2026-03-11" })
      const gone = await host.createPerson("gone@x.com", "changes")
      await host.leave(gone, "2026-03-11")
      const c = await host.coverage("changes", `weekOf: "2026-03-09"`)
      const days = ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"]
      expect(
        staffedAt(
          c.intervals,
          days.map((d) => `${d}T10:00:00Z`),
        ),
      ).toEqual([1, 1, 2, 1, 1])
      // Tokyo's 2026-03-11 starts at 15:00Z on the 10th.
      await host.createTeam("tokyo")
      await host.createPerson("tokyo@x.com", "tokyo", {
        timeZone: "Asia/Tokyo",
        hireDate: "2026-03-11",
        workingHours: { tue: [{ start: "00:00", end: "24:00" }], wed: [{ start: "00:00", end: "24:00" }] },
      })
      const t = await host.coverage("tokyo", `weekOf: "2026-03-09"`)
      expect(staffedAt(t.intervals, ["2026-03-10T14:30:00Z", "2026-03-10T15:00:00Z"])).toEqual([0, 1])
    })
  })

  describe("demand", () => {
    it("averages the conversations of the weeks by wall time in the team's zone, across a DST change", async () => {
      await host.createTeam("ny", "America/New_York")
      // Monday 09:10 in New York: on EST in the week of the 2nd, on EDT in the week of the 9th.
      await host.conversations("ny", ["2026-03-02T14:10:00Z", "2026-03-09T13:10:00Z", "2026-03-09T13:20:00Z"])
      const two = await host.coverage("ny", `weekOf: "2026-03-09", weeks: 2`)
      expect(at(two.intervals, "2026-03-09T13:00:00Z").demand).toBe(1.5)
      expect(at(two.intervals, "2026-03-09T14:00:00Z").demand).toBe(0)
      const one = await host.coverage("ny", `weekOf: "2026-03-09", weeks: 1`)
      expect(at(one.intervals, "2026-03-09T13:00:00Z").demand).toBe(2)
      const four = await host.coverage("ny", `weekOf: "2026-03-09"`)
      expect(at(four.intervals, "2026-03-09T13:00:00Z").demand).toBe(0.75)
      expect(four.intervals.reduce((sum: number, i: any) => sum + i.demand, 0)).toBe(0.75)
    })

    it("places a wall time the clocks skip this week after the change", async () => {
      await host.createTeam("ny", "America/New_York")
      // Sunday 02:40 EST on 2026-03-01; on the 8th New York goes from 02:00 to 03:00.
      await host.conversations("ny", ["2026-03-01T07:40:00Z"])
      const c = await host.coverage("ny", `weekOf: "2026-03-08", weeks: 2`)
      // 03:30 EDT on the 8th, the half hour the skipped 02:30 lands in.
      expect(at(c.intervals, "2026-03-08T07:30:00Z").demand).toBe(0.5)
      expect(c.intervals.filter((i: any) => i.demand > 0)).toHaveLength(1)
    })

    it("counts an earlier week's wall time that this week has twice in its first half hour", async () => {
      await host.createTeam("ny", "America/New_York")
      // 01:40 on Sunday 25 October (EDT), and 01:40 EST on 1 November, after the clocks went back.
      await host.conversations("ny", ["2026-10-25T05:40:00Z", "2026-11-01T06:40:00Z"])
      const c = await host.coverage("ny", `weekOf: "2026-11-01", weeks: 2`)
      // 01:30 EDT is 05:30Z, 01:30 EST 06:30Z.
      expect(c.intervals.filter((i: any) => i.demand > 0)).toEqual([
        { start: "2026-11-01T05:30:00.000Z", staffed: 0, demand: 0.5 },
        { start: "2026-11-01T06:30:00.000Z", staffed: 0, demand: 0.5 },
      ])
    })

    it("counts a conversation for the team of its first assignment only, and not another team's", async () => {
      await host.createTeam("first")
      await host.createTeam("second")
      const id = "handed-over"
      await host.ingest([
        {
          id: "h.1",
          type: "conversation.created",
          at: "2026-03-09T10:00:00Z",
          actor: { kind: "customer" },
          conversationId: id,
        },
        {
          id: "h.2",
          type: "conversation.assigned",
          at: "2026-03-09T10:01:00Z",
          actor: { kind: "automation" },
          conversationId: id,
          assignee: null,
          teamKey: "first",
        },
        {
          id: "h.3",
          type: "conversation.assigned",
          at: "2026-03-09T10:05:00Z",
          actor: { kind: "automation" },
          conversationId: id,
          assignee: null,
          teamKey: "second",
        },
      ])
      await host.conversations("second", ["2026-03-09T11:00:00Z"])
      const first = await host.coverage("first", `weekOf: "2026-03-09", weeks: 1`)
      const second = await host.coverage("second", `weekOf: "2026-03-09", weeks: 1`)
      expect(first.intervals.filter((i: any) => i.demand > 0).map((i: any) => i.start)).toEqual([
        "2026-03-09T10:00:00.000Z",
      ])
      expect(second.intervals.filter((i: any) => i.demand > 0).map((i: any) => i.start)).toEqual([
        "2026-03-09T11:00:00.000Z",
      ])
    })
  })

  describe("gaps and tracks", () => {
    const setUp = async () => {
      await host.createTeam("mixed")
      const london = await host.createPerson("london@x.com", "mixed", { timeZone: "Europe/London" })
      const newYork = await host.createPerson("newyork@x.com", "mixed", { timeZone: "America/New_York" })
      // Staffed 1 at 10:00Z, 2 at 14:00Z, 0 at 22:00Z.
      await host.conversations("mixed", ["2026-03-09T10:05:00Z", "2026-03-09T14:05:00Z", "2026-03-09T22:05:00Z"])
      return { london, newYork }
    }
    const startsOf = (intervals: ReadonlyArray<any>) => intervals.map((i) => i.start.slice(11, 16))

    it("are the half hours with demand and fewer people on than minStaffed", async () => {
      await setUp()
      const gapsAt = async (minStaffed: number) =>
        startsOf((await host.coverage("mixed", `weekOf: "2026-03-09", weeks: 1, minStaffed: ${minStaffed}`)).gaps)
      expect(await gapsAt(2)).toEqual(["10:00", "22:00"])
      expect(await gapsAt(1)).toEqual(["22:00"])
      expect(await gapsAt(3)).toEqual(["10:00", "14:00", "22:00"])
      expect(await gapsAt(0)).toEqual([])
      // The default is two people.
      expect(startsOf((await host.coverage("mixed", `weekOf: "2026-03-09", weeks: 1`)).gaps)).toEqual([
        "10:00",
        "22:00",
      ])
    })

    it("are shown per track of the people's current levels", async () => {
      const { london, newYork } = await setUp()
      await host.createPerson("unlevelled@x.com", "mixed")
      await host.promote(london, "css1")
      await host.promote(newYork, "customer-support-engineer")
      const c = await host.coverage("mixed", `weekOf: "2026-03-09", weeks: 1, minStaffed: 1`)
      expect(c.tracks.map((t: any) => t.track)).toEqual(["ic", "technical"])
      const [ic, technical] = c.tracks
      expect(staffedAt(ic.intervals, ["2026-03-09T10:00:00Z", "2026-03-09T14:00:00Z"])).toEqual([1, 1])
      expect(staffedAt(technical.intervals, ["2026-03-09T10:00:00Z", "2026-03-09T14:00:00Z"])).toEqual([0, 1])
      expect(startsOf(technical.gaps)).toEqual(["10:00", "22:00"])
      expect(startsOf(ic.gaps)).toEqual(["22:00"])
      // The unlevelled person is on at 10:00Z for the team, on no track.
      expect(at(c.intervals, "2026-03-09T10:00:00Z").staffed).toBe(2)
      expect(technical.intervals).toHaveLength(336)
    })
  })
})
