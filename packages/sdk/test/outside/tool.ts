// An internal tool as another team writes it, outside the monorepo, with the packed SDK as its
// only dependency: `node tool.js <url> <token>` prints what it read and stored as JSON.
import { createClient, ingestEvents, PeopleDocument, PersonCareerDocument, type SupportEvent } from "@teamops/sdk"

const [url, token] = process.argv.slice(2)
if (url === undefined || token === undefined) throw new Error("usage: node tool.js <url> <token>")
const client = createClient({ url, token })

const { person } = await client.request(PersonCareerDocument, { email: "kostas@teamops.example" })
const level: string | undefined = person?.currentLevel?.key

const emails: Array<string> = []
for await (const someone of client.paginate(PeopleDocument, { first: 2 })) emails.push(someone.email)

const helpdeskExport = [
  { ticket: "T-1", opened: "2026-03-02T09:00:00Z", firstReply: "2026-03-02T09:12:00Z" },
  { ticket: "T-2", opened: "2026-03-02T10:00:00Z", firstReply: "2026-03-02T10:05:00Z" },
]
const events = helpdeskExport.flatMap(
  (row): Array<SupportEvent> => [
    {
      id: `${row.ticket}-created`,
      type: "conversation.created",
      at: row.opened,
      actor: { kind: "customer" },
      conversationId: row.ticket,
    },
    {
      id: `${row.ticket}-reply`,
      type: "message.human",
      at: row.firstReply,
      actor: { kind: "human", email: "kostas@teamops.example" },
      conversationId: row.ticket,
    },
  ],
)
const stored = await ingestEvents(client, events)

console.log(JSON.stringify({ level, emails, stored }))
