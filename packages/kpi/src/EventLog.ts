import { hash } from "node:crypto"
import { Contributions, Db, type DbError, type DbService, type Page } from "@teamops/core"
import { TeamRepo, type TeamRepoService } from "@teamops/org"
import { Context, Effect, Either, Layer, Schema } from "effect"
import { type Kysely, sql } from "kysely"
import { type ConversationFacts, replayConversation, type Sequenced } from "./ConversationReplay.js"
import { conversationOf, eventSchemas, type LogEvent } from "./Event.js"
import { decodeWithContent, describe, type RawEvent } from "./EventDecode.js"
import type { KpiDatabase } from "./KpiDatabase.js"
import { observedMetricPoint } from "./ObservedMetric.js"
import { quickDecode } from "./QuickDecode.js"
import { reviewScore } from "./Review.js"

/** A batch was refused whole; `problems` says, per event, what is wrong. Nothing was stored. */
export class EventBatchRefused extends Schema.TaggedError<EventBatchRefused>()("EventBatchRefused", {
  message: Schema.String,
  problems: Schema.Array(Schema.String),
}) {}

/** What a batch changed: events stored, and events already stored with the same content. */
export interface IngestSummary {
  readonly accepted: number
  readonly duplicates: number
  /** The conversations left out because the batch holds only their later part (see {@link IngestOptions}). */
  readonly skipped: ReadonlyArray<SkippedConversation>
}

/** A conversation whose events were not stored, and why. */
export interface SkippedConversation {
  readonly conversationId: string
  readonly events: number
  readonly reason: string
}

export interface IngestOptions {
  /**
   * Leave out, instead of refusing the batch, the conversations that have no
   * `conversation.created` in the log or the batch: a helpdesk export whose window starts
   * after they were created holds only their later part.
   */
  readonly skipIncomplete?: boolean
}

export interface EventLogService {
  /** Stores a batch all or nothing; resent events (same id, same content) are skipped. */
  readonly ingest: (
    batch: ReadonlyArray<RawEvent>,
    options?: IngestOptions,
  ) => Effect.Effect<IngestSummary, EventBatchRefused | DbError>
  /** A page of stored events in arrival order, of one conversation or all. */
  readonly list: (page: Page, conversationId?: string) => Effect.Effect<ReadonlyArray<StoredEvent>, DbError>
  readonly count: (conversationId?: string) => Effect.Effect<number, DbError>
}

/** An event as the log keeps it: its place in the arrival order and its decoded content. */
export interface StoredEvent {
  readonly seq: number
  readonly id: string
  readonly type: string
  readonly at: number
  readonly conversationId: string | null
  /** The event as canonical JSON: its decoded fields, instants in UTC. */
  readonly content: unknown
}

export class EventLog extends Context.Tag("@teamops/kpi/EventLog")<EventLog, EventLogService>() {
  static readonly layer = Layer.effect(
    EventLog,
    Effect.gen(function* () {
      const observable = (yield* Contributions).of(observedMetricPoint).map((c) => c.value.key)
      return makeEventLog(yield* Db, yield* TeamRepo, observable)
    }),
  )
}

const refused = (problems: ReadonlyArray<string>) =>
  new EventBatchRefused({
    message: `the batch was refused, nothing was stored: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}\n${problems.join("\n")}`,
    problems,
  })

/**
 * The parameters one statement carries at most: under SQLite's limit (32,766) and
 * PostgreSQL's (65,535). Statements are filled up to it, as each one costs a round trip
 * (PostgreSQL) and a compilation, whatever its size.
 */
const parameterBudget = 30_000
const chunks = <T>(items: ReadonlyArray<T>, size: number): Array<ReadonlyArray<T>> => {
  const out: Array<ReadonlyArray<T>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const decodeStored = (content: string): LogEvent => {
  const value = JSON.parse(content) as { type: keyof typeof eventSchemas }
  return (
    quickDecode(value)?.event ??
    Schema.decodeUnknownSync(eventSchemas[value.type] as Schema.Schema<LogEvent, any>)(value)
  )
}

const idOf = (raw: RawEvent) => {
  const id = (raw.value as { id?: unknown } | null)?.id
  return typeof id === "string" ? id : undefined
}

/**
 * A hash of the event as it was sent: its text when the sender kept it (a line of a file),
 * else its JSON. The same hash means the same text, hence the same event.
 */
const sentHashOf = (raw: RawEvent): string | null => {
  try {
    return hash("sha256", raw.text ?? JSON.stringify(raw.value), "base64")
  } catch {
    return null
  }
}

/** What the log holds of an event id. */
interface StoredContent {
  readonly content: string
  readonly sentHash: string | null
}

/**
 * An event of the batch with its canonical JSON. `event` is absent when the event was
 * recognised by its hash as one already stored, and so was never decoded.
 */
interface Arrival {
  readonly raw: RawEvent
  readonly id: string
  readonly event?: LogEvent
  readonly content: string
  readonly sentHash: string | null
}

type Decoded = Arrival & { readonly event: LogEvent }

const isDecoded = (arrival: Arrival): arrival is Decoded => arrival.event !== undefined

const conversationTables = [
  "kpi_conversations",
  "kpi_cycles",
  "kpi_assignments",
  "kpi_spans",
  "kpi_complexity",
  "kpi_replies",
  "kpi_ratings",
] as const

/**
 * The log of `db`. `observable` are the keys of the plugin metrics whose values may arrive as
 * `metric.observed`; any other metric key is refused.
 */
const makeEventLog = (db: DbService, teams: TeamRepoService, observable: ReadonlyArray<string>): EventLogService => {
  const declared = new Set(observable)
  const undeclared = (event: LogEvent) =>
    event.type === "metric.observed" && !declared.has(event.metric)
      ? `metric: no plugin declares the metric ${JSON.stringify(event.metric)} (declared: ${observable.length === 0 ? "none" : observable.join(", ")})`
      : undefined

  const query = <A>(work: (k: Kysely<KpiDatabase>) => Promise<A>) => db.query(work)

  // Runs ingests one at a time, so that each sees the log the previous one left. Every read
  // of an ingest looks events up by id or conversation: index probes. PostgreSQL's planner,
  // whose statistics lag behind a log that grows by thousands of rows a batch, would rather
  // scan the whole log for a few thousand ids, which makes each batch slower than the last.
  const lock =
    db.dialect === "postgres"
      ? Effect.zipRight(
          query((k) => sql`select pg_advisory_xact_lock(hashtext('kpi.ingest'))`.execute(k)),
          query((k) => sql`set local enable_seqscan = off`.execute(k)),
        )
      : Effect.void

  const storedContents = (ids: ReadonlyArray<string>) =>
    Effect.map(
      Effect.forEach(chunks(ids, parameterBudget), (part) =>
        query((k) =>
          k.selectFrom("kpi_events").select(["id", "content", "sent_hash"]).where("id", "in", part).execute(),
        ),
      ),
      (parts) =>
        new Map<string, StoredContent>(parts.flat().map((r) => [r.id, { content: r.content, sentHash: r.sent_hash }])),
    )

  const knownTeams = (keys: ReadonlyArray<string>) =>
    Effect.map(teams.byKeys(keys), (found) => new Set(found.map((team) => team.key)))

  const storedEventsOf = (conversationIds: ReadonlyArray<string>) =>
    Effect.map(
      Effect.forEach(chunks(conversationIds, parameterBudget), (part) =>
        query((k) =>
          k
            .selectFrom("kpi_events")
            .select(["seq", "content", "conversation_id"])
            .where("conversation_id", "in", part)
            .execute(),
        ),
      ),
      (parts) => parts.flat(),
    )

  /**
   * Every event of the batch with its canonical JSON, or the problems of those that do not
   * decode. An event whose hash is the one stored under its id is a resend of the same text:
   * it takes the stored content, undecoded. Any other is decoded, and compared by content.
   */
  const decodeArrivals = (batch: ReadonlyArray<RawEvent>, stored: ReadonlyMap<string, StoredContent>) => {
    const arrivals: Array<Arrival> = []
    const problems: Array<string> = []
    for (const raw of batch) {
      const id = idOf(raw)
      const sentHash = id === undefined ? null : sentHashOf(raw)
      const known = id === undefined ? undefined : stored.get(id)
      if (id !== undefined && known !== undefined && sentHash !== null && known.sentHash === sentHash) {
        arrivals.push({ raw, id, content: known.content, sentHash })
        continue
      }
      const decoded = decodeWithContent(raw)
      if (Either.isLeft(decoded)) problems.push(...decoded.left)
      else if (undeclared(decoded.right.event) !== undefined)
        problems.push(`${describe(raw)}: ${undeclared(decoded.right.event)}`)
      else {
        const { event, content } = decoded.right
        arrivals.push({ raw, id: event.id, event, content, sentHash })
      }
    }
    return { arrivals, problems }
  }

  /** The new events that are not resends; a resend with other content is a problem. */
  const sortOutResends = (arrivals: ReadonlyArray<Arrival>, stored: ReadonlyMap<string, StoredContent>) => {
    const problems: Array<string> = []
    const first = new Map<string, Arrival>()
    let duplicates = 0
    for (const arrival of arrivals) {
      const earlier = first.get(arrival.id)
      if (earlier === undefined) first.set(arrival.id, arrival)
      else if (earlier.content === arrival.content) duplicates++
      else
        problems.push(
          `${describe(arrival.raw)}: the id is sent twice in the batch with different content (first at ${earlier.raw.where})`,
        )
    }
    const fresh: Array<Decoded> = []
    for (const arrival of first.values()) {
      const known = stored.get(arrival.id)
      if (known === undefined && isDecoded(arrival)) fresh.push(arrival)
      else if (known?.content === arrival.content) duplicates++
      else problems.push(`${describe(arrival.raw)}: an event with this id was already received with different content`)
    }
    return { fresh, duplicates, problems }
  }

  const unknownTeams = (fresh: ReadonlyArray<Decoded>) =>
    Effect.gen(function* () {
      const teamOf = (event: LogEvent) =>
        event.type === "conversation.assigned" || event.type === "proactive.sent"
          ? (event.teamKey ?? undefined)
          : event.type === "metric.observed" && "team" in event.subject
            ? event.subject.team
            : undefined
      const keys = [...new Set(fresh.map((a) => teamOf(a.event)).filter((key) => key !== undefined))]
      const known = yield* knownTeams(keys)
      return fresh.flatMap((a) => {
        const key = teamOf(a.event)
        const field = a.event.type === "metric.observed" ? "subject.team" : "teamKey"
        return key === undefined || known.has(key) ? [] : [`${describe(a.raw)}: ${field}: no team with key "${key}"`]
      })
    })

  const replayAll = (fresh: ReadonlyArray<Decoded & { seq: number }>, skipIncomplete: boolean) =>
    Effect.gen(function* () {
      const byConversation = new Map<string, Array<Sequenced>>()
      const where = new Map<string, RawEvent>()
      for (const arrival of fresh) {
        const id = conversationOf(arrival.event)
        if (id === undefined) continue
        where.set(arrival.event.id, arrival.raw)
        const list = byConversation.get(id) ?? []
        list.push({ event: arrival.event, seq: arrival.seq })
        byConversation.set(id, list)
      }
      // Only conversations with events stored before have facts to replace.
      const continued = new Set<string>()
      for (const row of yield* storedEventsOf([...byConversation.keys()])) {
        continued.add(row.conversation_id as string)
        byConversation
          .get(row.conversation_id as string)
          ?.push({ event: decodeStored(row.content), seq: Number(row.seq) })
      }
      const problems: Array<string> = []
      const facts: Array<ConversationFacts> = []
      const incomplete: Array<SkippedConversation> = []
      for (const [id, events] of byConversation) {
        const result = replayConversation(id, events)
        if ("facts" in result) facts.push(result.facts)
        else
          for (const refusal of result.refusals) {
            if (refusal.incomplete && skipIncomplete) {
              incomplete.push({ conversationId: id, events: events.length, reason: refusal.message })
              continue
            }
            const raw = where.get(refusal.eventId)
            problems.push(
              `${raw === undefined ? `stored event ${JSON.stringify(refusal.eventId)}` : describe(raw)}: ${refusal.message}`,
            )
          }
      }
      return { facts, problems, incomplete, continued }
    })

  const ingest = (batch: ReadonlyArray<RawEvent>, options: IngestOptions = {}) =>
    db.transaction(
      Effect.gen(function* () {
        yield* lock
        // What the log holds of the batch's ids is read first, under the lock, so that a
        // resend is recognised by its hash before anything is decoded.
        const ids = new Set(batch.map(idOf).filter((id) => id !== undefined))
        const stored = yield* storedContents([...ids])
        const decoded = decodeArrivals(batch, stored)
        if (decoded.problems.length > 0) return yield* refused(decoded.problems)
        const { fresh, duplicates, problems } = sortOutResends(decoded.arrivals, stored)
        problems.push(...(yield* unknownTeams(fresh)))
        if (problems.length > 0) return yield* refused(problems)
        if (fresh.length === 0) return { accepted: 0, duplicates, skipped: [] }

        const last = yield* query((k) =>
          k
            .selectFrom("kpi_events")
            .select((eb) => eb.fn.max("seq").as("seq"))
            .executeTakeFirst(),
        )
        const start = Number(last?.seq ?? 0) + 1
        const sequenced = fresh.map((arrival, i) => ({ ...arrival, seq: start + i }))
        const replayed = yield* replayAll(sequenced, options.skipIncomplete === true)
        if (replayed.problems.length > 0) return yield* refused(replayed.problems)

        const left = new Set(replayed.incomplete.map((c) => c.conversationId))
        const kept = sequenced.filter((a) => !left.has(conversationOf(a.event) ?? ""))
        yield* store(kept, replayed.facts, replayed.continued)
        return { accepted: kept.length, duplicates, skipped: replayed.incomplete }
      }),
    )

  const insert = <T extends keyof KpiDatabase>(table: T, rows: ReadonlyArray<KpiDatabase[T]>) =>
    Effect.forEach(
      chunks(rows, Math.floor(parameterBudget / Math.max(1, Object.keys(rows[0] ?? {}).length))),
      (part) =>
        query((k) =>
          k
            .insertInto(table)
            .values(part as any)
            .execute(),
        ),
      {
        discard: true,
      },
    )

  const store = (
    sequenced: ReadonlyArray<Decoded & { seq: number }>,
    facts: ReadonlyArray<ConversationFacts>,
    continued: ReadonlySet<string>,
  ) =>
    Effect.gen(function* () {
      yield* insert(
        "kpi_events",
        sequenced.map(({ event, content, seq, sentHash }) => ({
          id: event.id,
          seq,
          type: event.type,
          at: event.at,
          conversation_id: conversationOf(event) ?? null,
          content,
          sent_hash: sentHash,
        })),
      )
      const ids = facts.map((f) => f.conversationId).filter((id) => continued.has(id))
      for (const table of conversationTables) {
        yield* Effect.forEach(
          chunks(ids, parameterBudget),
          (part) => query((k) => k.deleteFrom(table).where("conversation_id", "in", part).execute()),
          { discard: true },
        )
      }
      yield* storeFacts(facts)
      yield* storeStandalone(sequenced)
    })

  const storeFacts = (facts: ReadonlyArray<ConversationFacts>) =>
    Effect.gen(function* () {
      yield* insert(
        "kpi_conversations",
        facts.map((f) => ({
          conversation_id: f.conversationId,
          created_at: f.createdAt,
          outbound: f.outbound ? 1 : 0,
          customer_id: f.customerId,
          channel: f.channel,
        })),
      )
      yield* insert(
        "kpi_cycles",
        facts.flatMap((f) =>
          f.cycles.map((c) => ({
            conversation_id: f.conversationId,
            cycle: c.cycle,
            start_at: c.startAt,
            waits_for_customer: c.waitsForCustomer ? 1 : 0,
            first_customer_at: c.firstCustomerAt,
            first_handoff_at: c.firstHandoffAt,
            handoff_precedes_human: c.handoffPrecedesHuman ? 1 : 0,
            first_human_at: c.firstHumanAt,
            first_human_after_customer_at: c.firstHumanAfterCustomerAt,
            first_bot_at: c.firstBotAt,
            resolved_at: c.resolvedAt,
            resolved_by: c.resolvedBy,
            reopened_at: c.reopenedAt,
            owner_email: c.ownerEmail,
            owner_team: c.ownerTeam,
          })),
        ),
      )
      const each = <R>(rows: (f: ConversationFacts) => ReadonlyArray<R>) =>
        facts.flatMap((f) => rows(f).map((row) => ({ conversation_id: f.conversationId, ...row })))
      yield* insert(
        "kpi_assignments",
        each((f) =>
          f.assignments.map((a) => ({ at: a.at, seq: a.seq, person_email: a.personEmail, team_key: a.teamKey })),
        ),
      )
      yield* insert(
        "kpi_spans",
        each((f) =>
          f.spans.map((s) => ({
            cycle: s.cycle,
            person_email: s.personEmail,
            team_key: s.teamKey,
            start_at: s.startAt,
            end_at: s.endAt,
          })),
        ),
      )
      yield* insert(
        "kpi_complexity",
        each((f) => f.complexity),
      )
      yield* insert(
        "kpi_replies",
        each((f) => f.replies.map((r) => ({ cycle: r.cycle, customer_at: r.customerAt, human_at: r.humanAt }))),
      )
      yield* insert(
        "kpi_ratings",
        each((f) => f.ratings),
      )
    })

  const storeStandalone = (sequenced: ReadonlyArray<Decoded & { seq: number }>) =>
    Effect.gen(function* () {
      const events = sequenced.map((s) => ({ event: s.event, seq: s.seq }))
      yield* insert(
        "kpi_reviews",
        events.flatMap(({ event, seq }) =>
          event.type === "qa.reviewed"
            ? [
                {
                  event_id: event.id,
                  at: event.at,
                  seq,
                  reviewee: event.reviewee,
                  conversation_id: event.conversationId ?? null,
                  score: reviewScore(event.review),
                },
              ]
            : [],
        ),
      )
      yield* insert(
        "kpi_proactive",
        events.flatMap(({ event }) =>
          event.type === "proactive.sent"
            ? [
                {
                  event_id: event.id,
                  at: event.at,
                  team_key: event.teamKey ?? null,
                  person_email: event.actor.kind === "human" ? (event.actor.email ?? null) : null,
                },
              ]
            : [],
        ),
      )
      yield* insert(
        "kpi_observations",
        events.flatMap(({ event, seq }) =>
          event.type === "metric.observed"
            ? [
                {
                  event_id: event.id,
                  metric: event.metric,
                  at: event.at,
                  seq,
                  person_email: "person" in event.subject ? event.subject.person : null,
                  team_key: "team" in event.subject ? event.subject.team : null,
                  value: event.value,
                },
              ]
            : [],
        ),
      )
      yield* insert(
        "kpi_article_views",
        events.flatMap(({ event }) =>
          event.type === "article.viewed" ? [{ event_id: event.id, at: event.at, customer_id: event.customerId }] : [],
        ),
      )
    })

  return {
    ingest,
    list: (page, conversationId) =>
      query((k) => {
        const after = page.after?.[0]
        return k
          .selectFrom("kpi_events")
          .selectAll()
          .$if(conversationId !== undefined, (q) => q.where("conversation_id", "=", conversationId as string))
          .$if(after !== undefined, (q) => q.where("seq", ">", Number(after)))
          .orderBy("seq")
          .limit(page.limit + 1)
          .execute()
      }).pipe(
        Effect.map((rows) =>
          rows.map((r) => ({
            seq: Number(r.seq),
            id: r.id,
            type: r.type,
            at: Number(r.at),
            conversationId: r.conversation_id,
            content: JSON.parse(r.content),
          })),
        ),
      ),
    count: (conversationId) =>
      query((k) =>
        k
          .selectFrom("kpi_events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .$if(conversationId !== undefined, (q) => q.where("conversation_id", "=", conversationId as string))
          .executeTakeFirstOrThrow(),
      ).pipe(Effect.map((r) => Number(r.n))),
  }
}
