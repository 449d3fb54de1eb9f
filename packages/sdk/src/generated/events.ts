// The events the server ingests, one type per event type; `npm run sdk` regenerates this file.
// `id` is the event's idempotency key; `at` an RFC 3339 instant with offset (2026-03-02T09:00:00Z).

/** `conversation.created`: A conversation began; a human or bot actor means it was outbound. */
export type ConversationCreatedEvent = {
  readonly type: "conversation.created"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
  readonly channel?: string | null
  readonly complexity?: "simple" | "standard" | "complex" | null
  readonly customerId?: string | null
}

/** `message.customer`: The customer wrote. */
export type MessageCustomerEvent = {
  readonly type: "message.customer"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
}

/** `message.human`: A teammate replied in public. */
export type MessageHumanEvent = {
  readonly type: "message.human"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
}

/** `message.bot`: A bot replied. */
export type MessageBotEvent = {
  readonly type: "message.bot"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
}

/** `conversation.assigned`: The conversation was assigned to a person (null: unassigned); teamKey moves it to a team, null clears the team, absent keeps it. */
export type ConversationAssignedEvent = {
  readonly type: "conversation.assigned"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
  readonly assignee: {
    readonly email: string
  } | null
  readonly teamKey?: string | null
}

/** `conversation.handoff`: A bot handed the conversation to humans. */
export type ConversationHandoffEvent = {
  readonly type: "conversation.handoff"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
}

/** `conversation.resolved`: The conversation was resolved; actor.kind says by whom: human, bot or automation. */
export type ConversationResolvedEvent = {
  readonly type: "conversation.resolved"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
}

/** `conversation.reopened`: A resolved conversation was opened again. */
export type ConversationReopenedEvent = {
  readonly type: "conversation.reopened"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
}

/** `conversation.tagged`: The conversation's complexity was set. */
export type ConversationTaggedEvent = {
  readonly type: "conversation.tagged"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
  readonly complexity: "simple" | "standard" | "complex"
}

/** `csat.rated`: The customer rated the conversation from 1 to 5, after its first resolution. */
export type CsatRatedEvent = {
  readonly type: "csat.rated"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly conversationId: string
  readonly rating: number
}

/** `qa.reviewed`: A quality review of a teammate's work, scored by category; it may name the conversation reviewed. */
export type QaReviewedEvent = {
  readonly type: "qa.reviewed"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly review: {
    readonly reviewer: string
    readonly scorecard: readonly [{
      readonly category: string
      readonly weight: number
      readonly scale: {
        readonly min: number
        readonly max: number
      }
      readonly value: number | null
      readonly critical?: boolean
    }, ...({
      readonly category: string
      readonly weight: number
      readonly scale: {
        readonly min: number
        readonly max: number
      }
      readonly value: number | null
      readonly critical?: boolean
    })[]]
  }
  readonly reviewee: string
  readonly conversationId?: string | null
}

/** `proactive.sent`: A proactive message went out to customers. */
export type ProactiveSentEvent = {
  readonly type: "proactive.sent"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly teamKey?: string | null
}

/** `article.viewed`: A customer read a help article. */
export type ArticleViewedEvent = {
  readonly type: "article.viewed"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly customerId: string
}

/** `metric.observed`: A value of a metric a plugin declares, for a person or a team. */
export type MetricObservedEvent = {
  readonly type: "metric.observed"
  readonly id: string
  readonly at: string
  readonly actor: {
    readonly kind: "customer" | "human" | "bot" | "automation"
    readonly email?: string | null
  }
  readonly metric: string
  readonly subject: {
    readonly person: string
  } | {
    readonly team: string
  }
  readonly value: number
}

/** Any event the server ingests: `type` tells which. */
export type SupportEvent =
  | ConversationCreatedEvent
  | MessageCustomerEvent
  | MessageHumanEvent
  | MessageBotEvent
  | ConversationAssignedEvent
  | ConversationHandoffEvent
  | ConversationResolvedEvent
  | ConversationReopenedEvent
  | ConversationTaggedEvent
  | CsatRatedEvent
  | QaReviewedEvent
  | ProactiveSentEvent
  | ArticleViewedEvent
  | MetricObservedEvent

/** The event types. */
export type SupportEventType = SupportEvent["type"]
