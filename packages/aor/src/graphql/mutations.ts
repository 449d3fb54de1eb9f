import {
  type Builder,
  ConflictError,
  InputError,
  NotFoundError,
  payload,
  type RequestContext,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect } from "effect"
import {
  AddAreaContributorInput,
  AreaKeyInput,
  CreateAreaInput,
  HandOverAreaInput,
  RecordAreaWorkInput,
  RemoveAreaContributorInput,
  UpdateAreaInput,
} from "../Area.js"
import { AreaRepo } from "../AreaRepo.js"
import { changesArea, confirmsArea, handsOverArea, mayCreateArea, recordsAreaWork } from "./access.js"
import { AreaRef } from "./refs.js"

const failures = [InputError, NotFoundError, ConflictError]

const callerId = (context: RequestContext) =>
  context.access.viewer.kind === "person" ? context.access.viewer.personId : ""

/** Creating, changing, handing over and retiring areas, their contributors and their work. */
export const areaMutations = (builder: Builder, kit: SchemaKit) => {
  const { run } = kit
  const mayCreate = mayCreateArea(kit)
  const withRepo = <A>(f: (r: AreaRepo["Type"]) => Effect.Effect<A, any>) => Effect.flatMap(AreaRepo, f)

  const CreateAreaInputType = builder.inputType("CreateAreaInput", {
    fields: (t) => ({
      key: t.string({ required: true, description: "Lower-kebab key, such as macro-library." }),
      name: t.string({ required: true }),
      purpose: t.string({ required: true, description: "Why the area exists." }),
      teamKey: t.string({ required: true }),
      category: t.string({ required: true, description: "A key of `areaCategories`." }),
      weeklyHours: t.float({ required: true, description: "Expected of its owner: above 0, at most 40." }),
      decisions: t.stringList({ required: false, description: "What the owner decides alone, a sentence each." }),
      competencies: t.stringList({ required: false, description: "Keys of the competency catalog." }),
      reviewEveryDays: t.int({ required: false, description: "Defaults to 90." }),
    }),
  })
  const UpdateAreaInputType = builder.inputType("UpdateAreaInput", {
    description: "Fields left out stay as they are.",
    fields: (t) => ({
      key: t.string({ required: true }),
      name: t.string({ required: false }),
      purpose: t.string({ required: false }),
      teamKey: t.string({ required: false }),
      category: t.string({ required: false }),
      weeklyHours: t.float({ required: false }),
      decisions: t.stringList({ required: false }),
      competencies: t.stringList({ required: false }),
      reviewEveryDays: t.int({ required: false }),
    }),
  })
  const HandOverAreaInputType = builder.inputType("HandOverAreaInput", {
    description:
      "`fromPersonId` is the owner the handover expects to replace (null for an area without one); `toPersonId: null` releases the area.",
    fields: (t) => ({
      areaKey: t.string({ required: true }),
      fromPersonId: t.id({ required: false }),
      toPersonId: t.id({ required: false }),
      note: t.string({ required: true }),
    }),
  })
  const AddContributorInputType = builder.inputType("AddAreaContributorInput", {
    fields: (t) => ({
      areaKey: t.string({ required: true }),
      personId: t.id({ required: true }),
      weeklyHours: t.float({ required: true }),
    }),
  })
  const RemoveContributorInputType = builder.inputType("RemoveAreaContributorInput", {
    fields: (t) => ({ areaKey: t.string({ required: true }), personId: t.id({ required: true }) }),
  })
  const RecordWorkInputType = builder.inputType("RecordAreaWorkInput", {
    fields: (t) => ({
      areaKey: t.string({ required: true }),
      personId: t.id({ required: true, description: "Who did the work: the owner or a contributor." }),
      date: t.string({ required: true, description: "YYYY-MM-DD" }),
      text: t.string({ required: true }),
      url: t.string({ required: false }),
    }),
  })
  const AreaKeyInputType = builder.inputType("AreaKeyInput", {
    fields: (t) => ({ areaKey: t.string({ required: true }) }),
  })

  // Left-out nullable inputs arrive as undefined; the handover's ids mean "none" when absent.
  const handOverInput = (input: Record<string, unknown>) => ({
    ...input,
    fromPersonId: input.fromPersonId ?? null,
    toPersonId: input.toPersonId ?? null,
  })

  builder.mutationFields((t) => ({
    createArea: t.field({
      type: AreaRef,
      authScopes: (_, { input }, context) => mayCreate(input.teamKey, context),
      args: { input: t.arg({ type: CreateAreaInputType, required: true }) },
      errors: payload("CreateArea", "area", failures),
      resolve: (_, { input }) => run(withInput(CreateAreaInput, input, (i) => withRepo((r) => r.create(i)))),
    }),
    updateArea: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => changesArea.ask(input.key),
      args: { input: t.arg({ type: UpdateAreaInputType, required: true }) },
      errors: payload("UpdateArea", "area", failures),
      resolve: (_, { input }) => run(withInput(UpdateAreaInput, input, (i) => withRepo((r) => r.update(i)))),
    }),
    handOverArea: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => handsOverArea.ask(input.areaKey),
      args: { input: t.arg({ type: HandOverAreaInputType, required: true }) },
      errors: payload("HandOverArea", "area", failures),
      resolve: (_, { input }) =>
        run(withInput(HandOverAreaInput, handOverInput(input), (i) => withRepo((r) => r.handOver(i)))),
    }),
    addAreaContributor: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => changesArea.ask(input.areaKey),
      args: { input: t.arg({ type: AddContributorInputType, required: true }) },
      errors: payload("AddAreaContributor", "area", failures),
      resolve: (_, { input }) =>
        run(withInput(AddAreaContributorInput, input, (i) => withRepo((r) => r.addContributor(i)))),
    }),
    removeAreaContributor: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => changesArea.ask(input.areaKey),
      args: { input: t.arg({ type: RemoveContributorInputType, required: true }) },
      errors: payload("RemoveAreaContributor", "area", failures),
      resolve: (_, { input }) =>
        run(withInput(RemoveAreaContributorInput, input, (i) => withRepo((r) => r.removeContributor(i)))),
    }),
    recordAreaWork: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => recordsAreaWork.ask(input.areaKey),
      args: { input: t.arg({ type: RecordWorkInputType, required: true }) },
      errors: payload("RecordAreaWork", "area", failures),
      resolve: (_, { input }) => run(withInput(RecordAreaWorkInput, input, (i) => withRepo((r) => r.recordWork(i)))),
    }),
    confirmArea: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => confirmsArea.ask(input.areaKey),
      args: { input: t.arg({ type: AreaKeyInputType, required: true }) },
      errors: payload("ConfirmArea", "area", failures),
      resolve: (_, { input }, context) =>
        run(withInput(AreaKeyInput, input, (i) => withRepo((r) => r.confirm(i.areaKey, callerId(context))))),
    }),
    retireArea: t.field({
      type: AreaRef,
      authScopes: (_, { input }) => handsOverArea.ask(input.areaKey),
      args: { input: t.arg({ type: AreaKeyInputType, required: true }) },
      errors: payload("RetireArea", "area", failures),
      resolve: (_, { input }) => run(withInput(AreaKeyInput, input, (i) => withRepo((r) => r.retire(i.areaKey)))),
    }),
  }))
}
