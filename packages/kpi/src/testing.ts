// What tests of metrics need, for this package's tests and those of plugins that add metrics:
// instants and conversations, a reproducible random log, and a kit of host operations.
export { conversation, DAY, HOUR, iso, MIN, T0 } from "./testing/Conversations.js"
export { type KpiKit, kpiKit, type RunOnHost } from "./testing/KpiKit.js"
export {
  arrivalOrders,
  type Random,
  type RandomLog,
  random,
  randomLog,
  randomLogTeams,
  shuffled,
} from "./testing/RandomLog.js"
