import {
  type Builder,
  ConflictError,
  ErrorRef,
  InputError,
  Key,
  NotFoundError,
  payload,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect, Schema } from "effect"
import { LadderFileError, LadderFileFormat, type LadderFileProblem } from "../LadderFile.js"
import { importLadder } from "../LadderImport.js"
import { LadderRepo } from "../LadderRepo.js"
import { LadderRef } from "./refs.js"

const ImportLadderInput = Schema.Struct({
  format: LadderFileFormat,
  content: Schema.String.pipe(Schema.maxLength(1_000_000, { message: () => "expected at most 1,000,000 characters" })),
})

const PublishLadderVersionInput = Schema.Struct({ ladderKey: Key })

const failures = [LadderFileError, InputError, NotFoundError, ConflictError]

/** Importing a ladder file as a draft, and publishing drafts. */
export const rolesMutations = (builder: Builder, { run }: SchemaKit) => {
  const LadderFileFormatEnum = builder.enumType("LadderFileFormat", {
    values: { YAML: { value: "yaml" }, JSON: { value: "json" } } as const,
  })
  const ProblemType = builder.objectRef<LadderFileProblem>("LadderFileProblem").implement({
    description: "One problem of a ladder file, with where it was found.",
    fields: (t) => ({
      path: t.exposeString("path", { description: "Such as levels[2].track; empty for the file as a whole." }),
      line: t.int({ nullable: true, resolve: (p) => p.line ?? null }),
      column: t.int({ nullable: true, resolve: (p) => p.column ?? null }),
      message: t.exposeString("message"),
    }),
  })
  builder.objectType(LadderFileError, {
    name: "LadderFileError",
    description: "A ladder file does not parse or breaks the rules of a ladder; `problems` lists every problem.",
    interfaces: [ErrorRef],
    fields: (t) => ({ problems: t.field({ type: [ProblemType], resolve: (e) => e.problems }) }),
  })

  const ImportLadderInputType = builder.inputType("ImportLadderInput", {
    fields: (t) => ({
      format: t.field({ type: LadderFileFormatEnum, required: true }),
      content: t.string({ required: true, description: "The ladder file, in the format given." }),
    }),
  })
  const PublishLadderVersionInputType = builder.inputType("PublishLadderVersionInput", {
    fields: (t) => ({ ladderKey: t.string({ required: true }) }),
  })

  builder.mutationFields((t) => ({
    importLadder: t.field({
      authScopes: { scope: "ladders:write" },
      type: LadderRef,
      description: "Stores a ladder file as the draft of its ladder (a new key creates the ladder).",
      args: { input: t.arg({ type: ImportLadderInputType, required: true }) },
      errors: payload("ImportLadder", "ladder", failures),
      resolve: (_, { input }) => run(withInput(ImportLadderInput, input, (i) => importLadder(i.format, i.content))),
    }),
    publishLadderVersion: t.field({
      authScopes: { scope: "ladders:write" },
      type: LadderRef,
      description: "Publishes the draft of a ladder as its next version.",
      args: { input: t.arg({ type: PublishLadderVersionInputType, required: true }) },
      errors: payload("PublishLadderVersion", "ladder", failures),
      resolve: (_, { input }) =>
        run(
          withInput(PublishLadderVersionInput, input, (i) => Effect.flatMap(LadderRepo, (r) => r.publish(i.ladderKey))),
        ),
    }),
  }))
}
