// The system module owns platform bookkeeping that is not business data: worker liveness.
// It holds no personal data and must not grow into a utilities drawer.
export { recordHeartbeat, listHeartbeats } from './heartbeats.ts'
