import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import { buyerEnquiryPages } from './buyer-enquiries.pages.tsx'
import { enquirePages } from './enquire.pages.tsx'

/** The buyer's side of enquiries: the enquiry form at /enquire and the threads under /account/enquiries. */
export function enquiryPages(server: FastifyInstance, app: App) {
  enquirePages(server, app)
  buyerEnquiryPages(server, app)
}
