import { z } from 'zod'
import * as enquiries from '../../modules/enquiries/index.ts'
import { uuidId } from '../../shared/validation.ts'

// The JSON shapes of enquiries and leads, shared by the buyer's and the seller's API routes.

export const IdParams = z.object({ id: uuidId('That is not an enquiry id.') })

export const BuyerOut = z.object({
  name: z.string(),
  company: z.string().nullable(),
  city: z.string().nullable(),
})
export const ContactOut = z
  .object({ email: z.string().nullable(), phone: z.string().nullable() })
  .nullable()
  .describe('The buyer’s details while they share them; null otherwise')
export const ThreadOut = z.array(
  z.object({
    id: z.number().int(),
    author: z.enum(['buyer', 'seller', 'system']),
    body: z.string(),
    via: z.enum(['web', 'email']),
    flaggedContact: z
      .boolean()
      .describe('The message holds an email or phone number although details were not shared'),
    quote: z
      .object({
        pricePaisePerUnit: z.number().int(),
        quantity: z.number(),
        unit: z.string(),
        validUntil: z.string(),
        terms: z.string(),
      })
      .nullable(),
    createdAt: z.string(),
  }),
)
export const LeadStatus = z.enum(['new', 'contacted', 'quoted', 'won', 'lost', 'spam'])
export const LeadItemOut = z.object({
  id: z.string(),
  status: LeadStatus,
  kind: z.enum(['enquiry', 'requirement']),
  subject: z.string(),
  quantity: z.number(),
  unit: z.string(),
  buyer: BuyerOut,
  contactShared: z.boolean(),
  unread: z.boolean(),
  lastMessageAt: z.string(),
  createdAt: z.string(),
})

export const CreateEnquiryBody = z
  .object({
    productId: z.number().int().positive().optional(),
    sellerId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('A business id, for an enquiry not about one product'),
    quantity: z.number().positive(),
    unit: z.string().min(1).max(30),
    message: z.string().min(10).max(enquiries.MESSAGE_MAX),
    requiredBy: z.string().optional().describe('YYYY-MM-DD'),
    deliveryCity: z.string().max(60).optional(),
  })
  .describe('Exactly one of productId and sellerId')

export const iso = (d: Date) => d.toISOString()
export const presentMessage = (m: { id: number; flaggedContact: boolean; createdAt: Date }) => ({
  message: { id: m.id, flaggedContact: m.flaggedContact, createdAt: iso(m.createdAt) },
})
export const presentThread = (thread: enquiries.ThreadEntry[]) =>
  thread.map((m) => ({ ...m, createdAt: iso(m.createdAt) }))
