import {
  type Builder,
  ConflictError,
  InputError,
  NotFoundError,
  payload,
  type SchemaKit,
  withInput,
} from "@teamops/core"
import { Effect } from "effect"
import {
  CancelDepartureInput,
  CreatePersonInput,
  RecordDepartureInput,
  SetManagerInput,
  UpdatePersonInput,
} from "../Person.js"
import { PersonRepo } from "../PersonRepo.js"
import { CreateTeamInput, UpdateTeamInput } from "../Team.js"
import { TeamRepo } from "../TeamRepo.js"
import type { hoursTypes } from "./hours.js"
import { PersonRef, TeamRef } from "./refs.js"

const failures = [InputError, NotFoundError, ConflictError]

const salaryInput = "In the organisation's currency, 0 or more. Only people partners and admins may set it."

/**
 * Who may call a mutation that creates or changes a team or a person: `org:write`, and, when
 * the input sets or clears a salary, only people partners and admins, as salaries are theirs
 * to see. A field left out is undefined; `null` clears it, which is setting it too.
 */
const writesOrg = (input: object, salaryField: string) =>
  (input as Record<string, unknown>)[salaryField] === undefined ? { scope: "org:write" as const } : { people: true }

/** Creating and changing teams and people. */
export const orgMutations = (
  builder: Builder,
  { run }: SchemaKit,
  { WeeklyHoursInput }: ReturnType<typeof hoursTypes>,
) => {
  const CreateTeamInputType = builder.inputType("CreateTeamInput", {
    fields: (t) => ({
      key: t.string({ required: true, description: "Lower-kebab key, such as support-emea." }),
      name: t.string({ required: true }),
      description: t.string({ required: false }),
      parentKey: t.string({ required: false }),
      defaultAnnualSalary: t.float({ required: false, description: salaryInput }),
    }),
  })
  const UpdateTeamInputType = builder.inputType("UpdateTeamInput", {
    description:
      "Fields left out stay as they are; `parentKey: null`, `description: null` and `defaultAnnualSalary: null` clear them.",
    fields: (t) => ({
      key: t.string({ required: true }),
      name: t.string({ required: false }),
      description: t.string({ required: false }),
      parentKey: t.string({ required: false }),
      defaultAnnualSalary: t.float({ required: false, description: salaryInput }),
    }),
  })
  const CreatePersonInputType = builder.inputType("CreatePersonInput", {
    fields: (t) => ({
      name: t.string({ required: true }),
      email: t.string({ required: true }),
      timeZone: t.string({ required: true, description: "IANA time zone name, such as Europe/Athens." }),
      teamKey: t.string({ required: true }),
      hireDate: t.string({ required: false, description: "YYYY-MM-DD; defaults to today in the person's time zone." }),
      workingHours: t.field({
        type: WeeklyHoursInput,
        required: false,
        description: "Defaults to Monday to Friday, 09:00-17:00 local time.",
      }),
      managerId: t.id({ required: false }),
      annualSalary: t.float({ required: false, description: salaryInput }),
    }),
  })
  const UpdatePersonInputType = builder.inputType("UpdatePersonInput", {
    description: "Fields left out stay as they are; `annualSalary: null` clears the salary.",
    fields: (t) => ({
      id: t.id({ required: true }),
      name: t.string({ required: false }),
      email: t.string({ required: false }),
      timeZone: t.string({ required: false }),
      teamKey: t.string({ required: false }),
      hireDate: t.string({ required: false }),
      workingHours: t.field({ type: WeeklyHoursInput, required: false }),
      annualSalary: t.float({ required: false, description: salaryInput }),
    }),
  })
  const SetManagerInputType = builder.inputType("SetManagerInput", {
    description: "`managerId: null` removes the manager.",
    fields: (t) => ({ personId: t.id({ required: true }), managerId: t.id({ required: false }) }),
  })
  const RecordDepartureInputType = builder.inputType("RecordDepartureInput", {
    fields: (t) => ({
      personId: t.id({ required: true }),
      leftOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    }),
  })

  const CancelDepartureInputType = builder.inputType("CancelDepartureInput", {
    fields: (t) => ({ personId: t.id({ required: true }) }),
  })

  // Nullable GraphQL inputs arrive as `undefined` when left out, which the schemas read as "unchanged".
  builder.mutationFields((t) => ({
    createTeam: t.field({
      authScopes: (_, { input }) => writesOrg(input, "defaultAnnualSalary"),
      type: TeamRef,
      args: { input: t.arg({ type: CreateTeamInputType, required: true }) },
      errors: payload("CreateTeam", "team", failures),
      resolve: (_, { input }) =>
        run(withInput(CreateTeamInput, input, (i) => Effect.flatMap(TeamRepo, (r) => r.create(i)))),
    }),
    updateTeam: t.field({
      authScopes: (_, { input }) => writesOrg(input, "defaultAnnualSalary"),
      type: TeamRef,
      args: { input: t.arg({ type: UpdateTeamInputType, required: true }) },
      errors: payload("UpdateTeam", "team", failures),
      resolve: (_, { input }) =>
        run(withInput(UpdateTeamInput, input, (i) => Effect.flatMap(TeamRepo, (r) => r.update(i)))),
    }),
    createPerson: t.field({
      authScopes: (_, { input }) => writesOrg(input, "annualSalary"),
      type: PersonRef,
      args: { input: t.arg({ type: CreatePersonInputType, required: true }) },
      errors: payload("CreatePerson", "person", failures),
      resolve: (_, { input }) =>
        run(withInput(CreatePersonInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.create(i)))),
    }),
    updatePerson: t.field({
      authScopes: (_, { input }) => writesOrg(input, "annualSalary"),
      type: PersonRef,
      args: { input: t.arg({ type: UpdatePersonInputType, required: true }) },
      errors: payload("UpdatePerson", "person", failures),
      resolve: (_, { input }) =>
        run(withInput(UpdatePersonInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.update(i)))),
    }),
    setManager: t.field({
      authScopes: { scope: "org:write" },
      type: PersonRef,
      args: { input: t.arg({ type: SetManagerInputType, required: true }) },
      errors: payload("SetManager", "person", failures),
      resolve: (_, { input }) =>
        run(
          withInput(SetManagerInput, { ...input, managerId: input.managerId ?? null }, (i) =>
            Effect.flatMap(PersonRepo, (r) => r.setManager(i)),
          ),
        ),
    }),
    recordDeparture: t.field({
      authScopes: { scope: "org:write" },
      type: PersonRef,
      description: "Records that a person left; a person who already left keeps that departure until it is cancelled.",
      args: { input: t.arg({ type: RecordDepartureInputType, required: true }) },
      errors: payload("RecordDeparture", "person", failures),
      resolve: (_, { input }) =>
        run(withInput(RecordDepartureInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.recordDeparture(i)))),
    }),
    cancelDeparture: t.field({
      authScopes: { scope: "org:write" },
      type: PersonRef,
      description: "Undoes a departure recorded by mistake: the person is active again, with no leave date.",
      args: { input: t.arg({ type: CancelDepartureInputType, required: true }) },
      errors: payload("CancelDeparture", "person", failures),
      resolve: (_, { input }) =>
        run(withInput(CancelDepartureInput, input, (i) => Effect.flatMap(PersonRepo, (r) => r.cancelDeparture(i)))),
    }),
  }))
}
