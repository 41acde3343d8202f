// Orders: buyers' carts, per-seller orders with their items, status history and state machine.
// It owns the cart and orders tables and imports accounts, catalog, messaging and privacy. An
// order changes status only through transitionOrder (the allowed moves are data in
// order-status.ts); stock is taken and given back only through catalog's one-statement functions.

// The tables stay inside the module (test/module-boundaries.test.ts); their value lists and types are public.
export { orderActors, orderSources, orderStatusValues } from './orders.tables.ts'
export type { OrderActor, OrderSource, OrderStatus } from './orders.tables.ts'
/** The ways a person's data leaves through orders, each written to the disclosure ledger. */
export { orderToSellerPath, outboundPaths } from './outbound-paths.ts'
/** The allowed moves, and the one function that makes them; throws conflict('invalid_transition'). */
export {
  allowedFrom,
  canTransition,
  describeStatus,
  orderTransitions,
  releaseReservedStock,
  type TransitionResult,
  transitionOrder,
} from './order-status.ts'
/** Inserting a pending order in the checkout's transaction, expiring unpaid ones, and reading a buyer's orders. */
export {
  type BuyerOrder,
  createOrder,
  getBuyerOrder,
  listBuyerOrders,
  type NewOrder,
  type NewOrderItem,
  type OrderLine,
  type OrderSummary,
  orderHistory,
  releaseExpiredOrders,
  type ShippingAddress,
} from './orders.ts'
