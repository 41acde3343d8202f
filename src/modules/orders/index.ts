// Orders: buyers' carts, per-seller orders with their items, status history and state machine.
// It owns the cart and orders tables and imports accounts, catalog, messaging and privacy. An
// order changes status only through transitionOrder (the allowed moves are data in
// order-status.ts); stock is taken and given back only through catalog's one-statement functions.

// The tables stay inside the module (test/module-boundaries.test.ts); their value lists and types are public.
export { orderActors, orderSources, orderStatusValues } from './orders.tables.ts'
export type { OrderActor, OrderSource, OrderStatus } from './orders.tables.ts'
/** The ways a person's data leaves through orders, each written to the disclosure ledger. */
export { billingToSellerPath, orderToSellerPath, outboundPaths } from './outbound-paths.ts'
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
  orderStatuses,
  releaseExpiredOrders,
  type ShippingAddress,
} from './orders.ts'
/** An order at a quote's price and quantity, stock reserved and GST worked out as at checkout; one live order per quote. */
export { createQuotedOrder, type QuotedOrderInput } from './quoted-order.ts'
/** The seller's side: a business's orders (paginated, by status) and one order with delivery details and history. */
export {
  getSellerOrder,
  listSellerOrders,
  orderParties,
  SELLER_ORDERS_PAGE_SIZE,
  type SellerOrder,
  type SellerOrderRow,
} from './seller-orders.ts'
/** The cart: put a product in (MOQ, stock, price and tax details checked), take it out, read it per seller. */
export {
  addToCart,
  type Cart,
  CartItemInput,
  type CartLine,
  cartLines,
  cartOf,
  type CartSeller,
  clearCartLines,
  MAX_CART_LINES,
  removeFromCart,
} from './cart.ts'
/** Whether a product can be ordered in a quantity (an AppError naming the product if not), and a line's GST. */
export { checkOrderable, MAX_LINE_QUANTITY, type OrderableCheck, priceLine } from './orderable.ts'
/** The checkout's input: address, GSTIN, PO number and items, every problem at once. */
export { CheckoutInput, type CheckoutRequest, parseCheckout, ShippingAddressInput } from './checkout-input.ts'
