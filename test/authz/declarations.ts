import { type Fixtures, PERSONA_PASSWORD } from './fixtures.ts'
import { type Declarations, everyone, ownedBy, sellerOwns, sellers, signedIn } from './harness.ts'

// Who may do what: one entry per route and method the server has (HEAD duplicates of GET and
// /static/* are left out by rule). A route added without an entry here, or an entry for a route
// that is gone, fails test/authz-matrix.test.ts.
//
// Owners: "buyer" owns the enquiry, the requirement, the consent receipt and the mail; "seller"
// owns the products, the lead (the same enquiry, seen from the seller's side), the import and the
// API key. Cases that use something up (close, delete, revoke, publish) get a fresh one.

const enquiry = (f: Fixtures) => ({ id: f.enquiry.id })
const freshEnquiry = async (f: Fixtures) => ({ id: await f.fresh.enquiry() })
const requirement = (f: Fixtures) => ({ id: f.requirement.id })
const freshRequirement = async (f: Fixtures) => ({ id: await f.fresh.requirement() })
const draft = (f: Fixtures) => ({ id: f.draft.id })
const freshProduct = async (f: Fixtures) => ({ id: await f.fresh.product() })
const freshPhoto = async (f: Fixtures) => {
  const { id, imageId } = await f.fresh.productWithPhoto()
  return { id, imageId }
}

const enquiryBody = (f: Fixtures) => ({
  productId: f.product.id,
  quantity: 5,
  unit: 'piece',
  message: 'Please quote for 5 valves delivered to Pune by next month.',
})
const requirementBody = (f: Fixtures) => ({
  title: 'Stainless steel ball valve 1 inch',
  details: 'SS304, screwed ends.',
  categoryId: f.category.sub.id,
  quantity: 20,
  unit: 'piece',
  maxSuppliers: 1,
})
const productBody = (f: Fixtures) => ({
  title: 'Brass gate valve 1 inch',
  categoryId: f.category.sub.id,
  unit: 'piece',
  price: 450,
})
/** Passes the schema but not the GSTIN check: reaches the account without making anyone a seller. */
const businessBody = {
  legalName: 'Matrix Traders Pvt Ltd',
  gstin: '27AAAAA0000A1Z0',
  address: { line1: 'Plot 7, MIDC', city: 'Pune', state: 'Maharashtra', pin: '411026' },
}
const csv = () => ({
  field: 'file',
  filename: 'products.csv',
  type: 'text/csv',
  data: Buffer.from('title,category,unit,price,moq,specs,status\n'),
})
const photo = () => ({
  field: 'image',
  filename: 'valve.png',
  type: 'image/png',
  // A 1×1 PNG.
  data: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64',
  ),
})
const uniqueEmail = (f: Fixtures, who: string) =>
  `new-${who.toLowerCase()}-${f.tag.toLowerCase()}@people.example`

/** The buyer's mail: theirs and admins'; to anyone else (even signed out) like no message at all. */
const mailbox = { ...ownedBy(['buyer', 'admin']), anonymous: 'notFound' } as const

/** Staff pages: signed-out visitors are asked to sign in; signed-in non-staff find no such page. */
const staffOnly = { ...ownedBy(['admin']), anonymous: 'signIn' } as const

export const declarations: Declarations = {
  // ── Probes, machine-readable files, public reference ────────────────────────────────────────
  '/healthz': { GET: { expect: everyone() } },
  '/readyz': { GET: { expect: everyone() } },
  // Open outside production (this test's mode); production wants METRICS_TOKEN or METRICS_PORT.
  '/metrics': { GET: { expect: everyone() } },
  '/robots.txt': { GET: { expect: everyone() } },
  '/sitemap.xml': { GET: { expect: everyone() } },
  '/sitemaps/pages.xml': { GET: { expect: everyone() } },
  '/sitemaps/cities.xml': { GET: { expect: everyone() } },
  '/sitemaps/:kind-:n.xml': { GET: { params: () => ({ kind: 'products', n: 0 }), expect: everyone() } },
  '/.well-known/consent-receipt-key': { GET: { expect: everyone() } },
  '/api/v1/consent-receipts/verify': { POST: { body: { receipt: 'not.a.receipt' }, expect: everyone() } },
  // The bundled sandbox gateway: its hosted page answers whoever holds the payment's unguessable
  // reference, as a real gateway's checkout link does; its webhook trusts only the signature.
  '/sandbox-gateway/pay/:ref': {
    GET: [
      {
        note: 'a payment',
        params: async (f) => ({ ref: await f.fresh.sandboxPayment() }),
        expect: everyone(),
      },
      {
        note: 'unknown',
        params: () => ({ ref: 'sbx_000000000000000000000000' }),
        expect: everyone('notFound'),
      },
    ],
    POST: {
      params: async (f) => ({ ref: await f.fresh.sandboxPayment() }),
      body: { decision: 'fail' },
      expect: everyone(),
    },
  },
  '/api/v1/payments/webhooks/sandbox': {
    POST: { body: { id: 'evt_unsigned', type: 'payment.captured' }, expect: everyone(400) },
  },
  '/api/openapi.json': { GET: { expect: everyone() } },
  '/api/docs': { GET: { expect: everyone() } },
  '/privacy': { GET: { expect: everyone() } },
  '/privacy/data-we-hold': { GET: { expect: everyone() } },
  '/privacy/verify-receipt': {
    GET: { expect: everyone() },
    POST: { body: { receipt: 'not.a.receipt' }, expect: everyone() },
  },
  '/terms': { GET: { expect: everyone() } },
  '/grievance': {
    GET: { expect: everyone() },
    // Signed in, the ticket is the person's own (name and email are ignored); signed out, it is a new ticket.
    POST: {
      body: {
        category: 'other',
        subject: 'A question for the officer',
        message: 'Which of my details does a seller see when I send an enquiry?',
        name: 'Matrix Visitor',
        email: 'visitor@people.example',
      },
      expect: everyone(),
    },
  },

  // ── The catalogue: public; a draft is nobody's to see here, its seller's included ───────────
  '/': { GET: { expect: everyone() } },
  '/search': { GET: { query: { q: 'ball valve' }, expect: everyone() } },
  '/categories': { GET: { expect: everyone() } },
  '/c/:slug': { GET: { params: (f) => ({ slug: f.category.sub.slug }), expect: everyone() } },
  '/p/:id': {
    GET: [
      { note: 'published', params: (f) => ({ id: f.product.id }), expect: everyone() },
      { note: 'draft', params: draft, expect: everyone('notFound') },
    ],
  },
  '/p/:id/:slug': {
    GET: [
      { note: 'published', params: (f) => ({ id: f.product.id, slug: f.product.slug }), expect: everyone() },
      {
        note: 'draft',
        params: (f) => ({ id: f.draft.id, slug: f.draft.slug }),
        expect: everyone('notFound'),
      },
    ],
  },
  '/s/:slug': { GET: { params: (f) => ({ slug: f.seller.business.slug }), expect: everyone() } },
  '/suppliers': { GET: { expect: everyone() } },
  '/suppliers/:city': { GET: { params: () => ({ city: 'pune' }), expect: everyone() } },
  '/suppliers/:city/:category': {
    GET: { params: (f) => ({ city: 'pune', category: f.category.sub.slug }), expect: everyone() },
  },
  '/uploads/products/:productId/:file': {
    GET: {
      params: (f) => {
        const [, productId, file] = f.photoPath.split('/')
        return { productId: productId!, file: file! }
      },
      expect: everyone(),
    },
  },
  '/uploads/*': { GET: { params: (f) => ({ '*': f.logoPath }), expect: everyone() } },
  '/api/v1/categories': { GET: { expect: everyone() } },
  '/api/v1/products': { GET: { expect: everyone() } },
  '/api/v1/products/:id': {
    GET: [
      { note: 'published', params: (f) => ({ id: f.product.id }), expect: everyone() },
      { note: 'draft', params: draft, expect: everyone('notFound') },
    ],
  },
  '/api/v1/search/suggest': { GET: { query: { q: 'val' }, expect: everyone() } },
  '/seller/import/template.csv': { GET: { expect: everyone() } },

  // ── Signed links: the token is the proof, whoever follows it ────────────────────────────────
  '/unsubscribe/:token': {
    GET: { params: (f) => ({ token: f.unsubscribeToken }), expect: everyone() },
    POST: { params: (f) => ({ token: f.unsubscribeToken }), expect: everyone() },
  },

  // ── Development mailbox: your own messages; admins see every message ───────────────────────
  '/dev/mailbox': { GET: { expect: signedIn(), sees: ['admin'] } },
  '/dev/mailbox/:id': {
    GET: [
      { note: 'email', params: (f) => ({ id: f.mailboxId }), expect: mailbox, sees: ['admin'] },
      {
        note: 'text to a shared number',
        params: (f) => ({ id: f.textId }),
        expect: mailbox,
        sees: ['admin'],
      },
    ],
  },
  '/dev/mailbox/:id/html': {
    GET: { params: (f) => ({ id: f.mailboxId }), expect: mailbox, sees: ['admin'] },
  },

  // ── Staff: admin (and support) only; everyone else signed in gets the ordinary 404 ──────────
  '/admin/grievances': { GET: { expect: staffOnly } },
  '/admin/grievances/:id': {
    // Without a reason given yet, staff get the reason form; the reason opens the ticket.
    GET: { params: (f) => ({ id: f.grievanceId }), expect: staffOnly, sees: ['admin'] },
    POST: {
      params: (f) => ({ id: f.grievanceId }),
      body: { access_reason: 'Handling this grievance for the matrix test' },
      expect: staffOnly,
      sees: ['admin'],
    },
  },
  '/admin/grievances/:id/acknowledge': {
    POST: { params: async (f) => ({ id: await f.fresh.grievance() }), body: { note: '' }, expect: staffOnly },
  },
  '/admin/grievances/:id/reply': {
    POST: {
      params: async (f) => ({ id: await f.fresh.grievance() }),
      body: { body: 'We are looking into it.' },
      expect: staffOnly,
    },
  },
  '/admin/grievances/:id/resolve': {
    POST: {
      params: async (f) => ({ id: await f.fresh.grievance() }),
      body: { resolution: 'Answered in full.' },
      expect: staffOnly,
      sees: ['admin'],
    },
  },
  '/admin/people': {
    GET: [
      { note: 'search form', expect: staffOnly },
      { note: 'exact email', query: (f) => ({ contact: f.users.buyer.email }), expect: staffOnly, sees: ['admin'] },
    ],
  },
  '/admin/people/:id': {
    GET: { params: (f) => ({ id: f.users.buyer.id }), expect: staffOnly, sees: ['admin'] },
    POST: {
      params: (f) => ({ id: f.users.buyer.id }),
      body: { access_reason: 'Support ticket 4411: the buyer asked what we hold' },
      expect: staffOnly,
      sees: ['admin'],
    },
  },

  // ── Accounts API: open doors, then the person's own account only ───────────────────────────
  '/api/v1/auth/register': {
    POST: {
      body: (f, persona) => ({
        email: uniqueEmail(f, persona),
        password: 'copper valve monsoon 42',
        name: 'Neha Newcomer',
        phone: '+919822200001',
        isAdultBusinessUser: true,
      }),
      expect: everyone('accepted'),
    },
  },
  '/api/v1/auth/login': {
    POST: {
      body: (f) => ({ email: f.login.email, password: f.login.password }),
      expect: everyone('accepted'),
    },
  },
  '/api/v1/auth/logout': { POST: { expect: everyone(), endsSessions: true } },
  '/api/v1/auth/logout-all': { POST: { expect: signedIn(), endsSessions: true } },
  '/api/v1/auth/verify-email': {
    POST: { body: { token: 'not-a-real-token' }, expect: everyone('accepted') },
  },
  '/api/v1/auth/password-reset': {
    POST: { body: { email: 'nobody@people.example' }, expect: everyone('accepted') },
  },
  '/api/v1/auth/password-reset/confirm': {
    POST: {
      body: { token: 'not-a-real-token', newPassword: 'brass gate valve 77' },
      expect: everyone('accepted'),
    },
  },
  '/api/v1/me': { GET: { expect: signedIn() } },
  '/api/v1/me/profile': { PATCH: { body: { city: 'Pune' }, expect: signedIn() } },
  '/api/v1/me/profile/history': { GET: { expect: signedIn() } },
  '/api/v1/me/sessions': { GET: { expect: signedIn() } },
  '/api/v1/me/sessions/:id': {
    DELETE: { params: async (f) => ({ id: (await f.fresh.buyerSession()).id }), expect: ownedBy('buyer') },
  },
  '/api/v1/me/password': {
    POST: {
      body: { currentPassword: 'not my password', newPassword: 'brass gate valve 77' },
      expect: signedIn('authenticated'),
    },
  },
  // No password: nobody's account is erased by the matrix, and no step-up attempt is used up.
  '/api/v1/me/erasure': { POST: { body: {}, expect: signedIn('authenticated') } },
  '/api/v1/me/verify-email/resend': { POST: { expect: signedIn('authenticated') } },
  '/api/v1/me/phone/verification': { POST: { expect: signedIn('authenticated') } },
  '/api/v1/me/phone/verification/confirm': {
    POST: { body: { code: '000000' }, expect: signedIn('authenticated') },
  },
  '/api/v1/me/two-factor': {
    POST: { body: { password: 'not my password', code: '000000' }, expect: signedIn('authenticated') },
    DELETE: { body: { password: 'not my password', code: '000000' }, expect: signedIn('authenticated') },
  },
  '/api/v1/me/two-factor/confirm': { POST: { body: { code: '000000' }, expect: signedIn('authenticated') } },
  '/api/v1/me/email': {
    PUT: {
      body: (f, persona) => ({ email: uniqueEmail(f, `changed-${persona}`), password: 'not my password' }),
      expect: signedIn('authenticated'),
    },
  },
  '/api/v1/me/business': {
    GET: { expect: { ...signedIn('notFound'), seller: 'ok', otherSeller: 'ok' } },
    PUT: { body: businessBody, expect: signedIn('accepted') },
  },
  '/api/v1/me/consents': { GET: { expect: signedIn() } },
  '/api/v1/me/consents/:purpose': {
    PUT: { params: () => ({ purpose: 'personalisation' }), body: { granted: true }, expect: signedIn() },
  },
  '/api/v1/me/consents/receipts/:id': {
    GET: { params: (f) => ({ id: f.receiptId }), expect: ownedBy('buyer') },
  },
  '/api/v1/me/disclosures': { GET: { expect: signedIn() } },
  '/api/v1/me/staff-views': { GET: { expect: signedIn() } },
  '/api/v1/me/data': { GET: { expect: signedIn() } },
  '/api/v1/me/exports': { POST: { expect: signedIn('accepted') } },
  '/api/v1/me/exports/:id': {
    GET: { params: async (f) => ({ id: await f.fresh.dataExport() }), expect: ownedBy('buyer') },
  },

  // ── Grievances and the nominee (API): one's own only ───────────────────────────────────────
  '/api/v1/grievances': {
    GET: { expect: signedIn() },
    POST: {
      body: { category: 'access', subject: 'My data', message: 'Please tell me what you hold about me.' },
      expect: signedIn(),
    },
  },
  '/api/v1/grievances/:id': { GET: { params: (f) => ({ id: f.grievanceId }), expect: ownedBy('buyer') } },
  // The buyer's ticket is open, so the buyer gets 409 (only a resolved one reopens); others, 404.
  '/api/v1/grievances/:id/reopen': {
    POST: { params: (f) => ({ id: f.grievanceId }), body: {}, expect: ownedBy('buyer', 'accepted') },
  },
  '/api/v1/me/nominee': {
    GET: { expect: signedIn() },
    PUT: {
      body: { name: 'Nandini Rao', email: 'nandini.nominee@people.example', relationship: 'Sibling' },
      expect: signedIn(),
    },
    DELETE: { expect: signedIn() },
  },

  // ── Buyer's enquiries and requirements (API) ───────────────────────────────────────────────
  '/api/v1/enquiries': {
    GET: { expect: signedIn() },
    // A seller cannot enquire about their own product.
    POST: { body: enquiryBody, expect: { ...signedIn('accepted'), seller: 'forbidden' } },
  },
  '/api/v1/enquiries/:id': { GET: { params: enquiry, expect: ownedBy('buyer') } },
  '/api/v1/enquiries/:id/messages': {
    POST: { params: enquiry, body: { body: 'Can you deliver by the 20th?' }, expect: ownedBy('buyer') },
  },
  '/api/v1/enquiries/:id/share-contact': {
    POST: { params: freshEnquiry, body: { fields: ['email'] }, expect: ownedBy('buyer') },
    DELETE: { params: freshEnquiry, expect: ownedBy('buyer', 'accepted') },
  },
  '/api/v1/enquiries/:id/status': {
    POST: {
      params: freshEnquiry,
      body: { status: 'closed', reason: 'Bought elsewhere' },
      expect: ownedBy('buyer'),
    },
  },
  '/api/v1/enquiries/:id/callback': {
    POST: { params: freshEnquiry, body: { revealNumber: false }, expect: ownedBy('buyer', 'accepted') },
  },
  '/api/v1/requirements': {
    GET: { expect: signedIn() },
    POST: { body: requirementBody, expect: signedIn('accepted') },
  },
  '/api/v1/requirements/:id': { GET: { params: requirement, expect: ownedBy('buyer') } },

  // ── Buyer's cart, checkout and orders (API) ─────────────────────────────────────────────────
  // The fixture product has no GST details, so putting it in a cart or checking it out is refused
  // with a 400 that names it (the seller's own product: also a 400); signed-out callers sign in.
  '/api/v1/cart': { GET: { expect: signedIn() } },
  '/api/v1/cart/items': {
    POST: { body: (f) => ({ productId: f.product.id, quantity: 5 }), expect: signedIn('accepted') },
  },
  '/api/v1/cart/items/:productId': {
    DELETE: { params: (f) => ({ productId: f.product.id }), expect: signedIn() },
  },
  '/api/v1/checkout': {
    POST: {
      body: (f) => ({
        items: [{ productId: f.product.id, quantity: 5 }],
        shippingAddress: {
          name: 'Bhavna Kulkarni',
          line1: 'Plot 9, Bhosari MIDC',
          city: 'Pune',
          state: 'Maharashtra',
          pin: '411026',
          phone: '+91 98111 00001',
        },
      }),
      expect: signedIn('accepted'),
    },
  },
  // The fixture product has no GST details: the buyer's acceptance is refused with a 400 naming it.
  '/api/v1/enquiries/:id/quotes/:quoteId/accept': {
    POST: {
      params: (f) => f.fresh.quote(),
      body: {
        shippingAddress: {
          name: 'Bhavna Kulkarni',
          line1: 'Plot 9, Bhosari MIDC',
          city: 'Pune',
          state: 'Maharashtra',
          pin: '411026',
          phone: '+91 98111 00001',
        },
      },
      expect: ownedBy('buyer', 'accepted'),
    },
  },
  '/api/v1/orders': { GET: { expect: signedIn() } },
  '/api/v1/orders/:id': { GET: { params: async (f) => ({ id: await f.fresh.order() }), expect: ownedBy('buyer') } },
  // Buyer's cancel before dispatch: the fresh order awaits payment, so its buyer cancels it.
  '/api/v1/orders/:id/cancel': {
    POST: { params: async (f) => ({ id: await f.fresh.order() }), body: {}, expect: ownedBy('buyer') },
  },
  // ── Seller's orders (API): the fresh order awaits payment, so the seller's moves are refused (409)
  '/api/v1/seller/orders': { GET: { expect: sellers() } },
  '/api/v1/seller/orders/:id': {
    GET: { params: async (f) => ({ id: await f.fresh.order() }), expect: sellerOwns() },
  },
  '/api/v1/seller/orders/:id/accept': {
    POST: { params: async (f) => ({ id: await f.fresh.order() }), expect: sellerOwns(409) },
  },
  '/api/v1/seller/orders/:id/dispatch': {
    POST: {
      params: async (f) => ({ id: await f.fresh.order() }),
      body: { carrier: 'Blue Dart', trackingNumber: 'BD123456789IN' },
      expect: sellerOwns(409),
    },
  },
  '/api/v1/seller/orders/:id/cancel': {
    POST: {
      params: async (f) => ({ id: await f.fresh.order() }),
      body: { reason: 'The model is discontinued by the maker.' },
      expect: sellerOwns(409),
    },
  },
  '/api/v1/requirements/:id/close': { POST: { params: freshRequirement, expect: ownedBy('buyer') } },

  // ── Seller API: sellers only, each on their own products and leads ─────────────────────────
  '/api/v1/seller/products': {
    GET: { expect: sellers() },
    POST: { body: productBody, expect: sellers() },
  },
  '/api/v1/seller/products/:id': {
    GET: { params: draft, expect: sellerOwns() },
    PATCH: { params: draft, body: { stock: 12 }, expect: sellerOwns() },
    DELETE: { params: freshProduct, expect: sellerOwns() },
  },
  '/api/v1/seller/products/:id/publish': { POST: { params: freshProduct, expect: sellerOwns() } },
  '/api/v1/seller/products/:id/unpublish': { POST: { params: freshProduct, expect: sellerOwns() } },
  '/api/v1/seller/leads': { GET: { expect: sellers() } },
  '/api/v1/seller/leads/export': { GET: { expect: sellers() } },
  '/api/v1/seller/leads/:id': { GET: { params: enquiry, expect: sellerOwns() } },
  '/api/v1/seller/leads/:id/messages': {
    POST: { params: enquiry, body: { body: 'Yes, we can deliver by the 20th.' }, expect: sellerOwns() },
  },
  '/api/v1/seller/leads/:id/quotes': {
    POST: {
      params: freshEnquiry,
      body: { pricePaisePerUnit: 420_000, quantity: 25, unit: 'piece', validUntil: '2099-12-31' },
      expect: sellerOwns(),
    },
  },
  '/api/v1/seller/leads/:id/status': {
    POST: { params: freshEnquiry, body: { status: 'contacted' }, expect: sellerOwns() },
  },
  '/api/v1/seller/leads/:id/notes': {
    POST: { params: enquiry, body: { body: 'Asked for drawings.' }, expect: sellerOwns() },
  },
  '/api/v1/seller/leads/:id/spam': {
    POST: { params: freshEnquiry, body: { reason: 'Looks automated' }, expect: sellerOwns() },
  },
  '/api/v1/seller/leads/:id/not-interested': {
    POST: { params: freshEnquiry, body: { reason: 'We do not make this size' }, expect: sellerOwns() },
  },
  '/api/v1/seller/leads/:id/block': {
    POST: { params: freshEnquiry, body: { reason: 'Abusive messages' }, expect: sellerOwns() },
    DELETE: { params: freshEnquiry, expect: sellerOwns('accepted') },
  },

  // ── Account pages ──────────────────────────────────────────────────────────────────────────
  '/account': { GET: { expect: signedIn() } },
  '/account/sign-in': {
    GET: { expect: everyone() },
    POST: { body: (f) => ({ email: f.login.email, password: f.login.password }), expect: everyone() },
  },
  '/account/sign-out': {
    GET: { expect: signedIn() },
    // Everyone lands on the sign-in page, signed out.
    POST: { expect: everyone(303), endsSessions: true },
  },
  '/account/sign-out-everywhere': { POST: { expect: everyone(303), endsSessions: true } },
  '/account/register': {
    GET: { expect: everyone() },
    POST: {
      body: (f, persona) => ({
        name: 'Neha Newcomer',
        email: uniqueEmail(f, `page-${persona}`),
        phone: '98222 00002',
        password: 'copper valve monsoon 42',
        isAdultBusinessUser: 'yes',
      }),
      expect: everyone('accepted'),
    },
  },
  '/account/forgot-password': {
    GET: { expect: everyone() },
    POST: { body: { email: 'nobody@people.example' }, expect: everyone('accepted') },
  },
  '/account/reset-password': {
    GET: { query: { token: 'not-a-real-token' }, expect: everyone() },
    POST: {
      body: { token: 'not-a-real-token', newPassword: 'brass gate valve 77' },
      expect: everyone('accepted'),
    },
  },
  '/account/verify-email': { GET: { query: { token: 'not-a-real-token' }, expect: everyone('accepted') } },
  '/account/verify-email/resend': { POST: { expect: signedIn() } },
  '/account/security': { GET: { expect: signedIn() } },
  '/account/security/password': {
    POST: {
      body: { currentPassword: 'not my password', newPassword: 'brass gate valve 77' },
      expect: signedIn('authenticated'),
    },
  },
  '/account/security/sessions/sign-out': { POST: { expect: signedIn('authenticated'), endsSessions: true } },
  '/account/security/two-factor/start': {
    POST: { body: { password: 'not my password', code: '000000' }, expect: signedIn('authenticated') },
  },
  '/account/security/two-factor/confirm': {
    POST: { body: { code: '000000' }, expect: signedIn('authenticated') },
  },
  '/account/security/two-factor/disable': {
    POST: { body: { password: 'not my password', code: '000000' }, expect: signedIn('authenticated') },
  },
  '/account/profile': {
    GET: { expect: signedIn() },
    POST: { body: { city: 'Pune' }, expect: signedIn('authenticated') },
  },
  '/account/profile/email': {
    POST: {
      body: (f, persona) => ({ email: uniqueEmail(f, `form-${persona}`), password: 'not my password' }),
      expect: signedIn('authenticated'),
    },
  },
  '/account/profile/phone/send': { POST: { expect: signedIn('authenticated') } },
  '/account/profile/phone/confirm': { POST: { body: { code: '000000' }, expect: signedIn('authenticated') } },
  '/account/profile/history': { GET: { expect: signedIn() } },
  '/account/privacy': { GET: { expect: signedIn() } },
  '/account/privacy/consents': {
    POST: { body: { purpose: 'personalisation', action: 'grant' }, expect: signedIn() },
  },
  '/account/privacy/receipts/:id': {
    GET: { params: (f) => ({ id: f.receiptId }), expect: ownedBy('buyer') },
  },
  '/account/privacy/nominee': {
    GET: { expect: signedIn() },
    POST: {
      body: { name: 'Nandini Rao', email: 'nandini.nominee@people.example', relationship: 'Sibling' },
      expect: signedIn(),
    },
  },
  '/account/privacy/nominee/remove': { POST: { expect: signedIn() } },
  '/account/grievances': { GET: { expect: signedIn() } },
  '/account/grievances/:id': { GET: { params: (f) => ({ id: f.grievanceId }), expect: ownedBy('buyer') } },
  '/account/grievances/:id/reply': {
    POST: {
      params: (f) => ({ id: f.grievanceId }),
      body: { body: 'Any news on this?' },
      expect: ownedBy('buyer'),
    },
  },
  // The buyer's ticket is open: the buyer is told only a resolved one reopens (409); others, 404.
  '/account/grievances/:id/reopen': {
    POST: { params: (f) => ({ id: f.grievanceId }), expect: ownedBy('buyer', 'accepted') },
  },
  '/account/privacy/data': { GET: { expect: signedIn() } },
  '/account/privacy/export': { GET: { expect: signedIn() }, POST: { expect: signedIn() } },
  '/account/privacy/exports/:id/download': {
    GET: { params: async (f) => ({ id: await f.fresh.dataExport() }), expect: ownedBy('buyer') },
  },
  '/account/privacy/erase': {
    GET: { expect: signedIn() },
    POST: { body: { confirm: 'yes' }, expect: signedIn('authenticated') },
  },
  '/account/privacy/erase/requested': { GET: { expect: everyone() } },
  '/account/business': {
    GET: { expect: signedIn() },
    POST: {
      body: {
        legalName: businessBody.legalName,
        gstin: businessBody.gstin,
        line1: businessBody.address.line1,
        city: 'Pune',
        state: 'Maharashtra',
        pin: '411026',
      },
      expect: signedIn('accepted'),
    },
  },
  '/account/business/logo': { POST: { upload: photo, expect: signedIn('authenticated') } },

  // ── Buyer's enquiry and requirement pages ──────────────────────────────────────────────────
  '/enquire': {
    GET: { query: (f) => ({ productId: String(f.product.id) }), expect: signedIn() },
    POST: {
      body: (f) => ({ ...enquiryBody(f), productId: String(f.product.id), quantity: '5' }),
      expect: { ...signedIn('accepted'), seller: 'forbidden' },
    },
  },
  '/account/enquiries': { GET: { expect: signedIn() } },
  '/account/enquiries/:id': { GET: { params: enquiry, expect: ownedBy('buyer') } },
  '/account/enquiries/:id/messages': {
    POST: { params: enquiry, body: { body: 'Please confirm the delivery date.' }, expect: ownedBy('buyer') },
  },
  '/account/enquiries/:id/share-contact': { POST: { params: freshEnquiry, expect: ownedBy('buyer') } },
  '/account/enquiries/:id/stop-sharing': { POST: { params: freshEnquiry, expect: ownedBy('buyer') } },
  '/account/enquiries/:id/status': {
    POST: {
      params: freshEnquiry,
      body: { to: 'closed', reason: 'Bought elsewhere' },
      expect: ownedBy('buyer'),
    },
  },
  '/account/enquiries/:id/callback': {
    POST: {
      params: freshEnquiry,
      body: { preferredTime: 'Morning', reveal: 'masked' },
      expect: ownedBy('buyer', 'accepted'),
    },
  },
  '/requirements/new': { GET: { expect: signedIn() } },
  '/requirements': {
    POST: {
      body: (f) => ({
        ...requirementBody(f),
        categoryId: String(f.category.sub.id),
        quantity: '20',
        maxSuppliers: '1',
      }),
      expect: signedIn('accepted'),
    },
  },
  '/account/requirements': { GET: { expect: signedIn() } },
  '/account/requirements/:id': { GET: { params: requirement, expect: ownedBy('buyer') } },
  '/account/requirements/:id/close': { POST: { params: freshRequirement, expect: ownedBy('buyer') } },

  // ── Seller centre pages ────────────────────────────────────────────────────────────────────
  '/seller': { GET: { expect: sellers() } },
  '/seller/products/new': {
    GET: { expect: sellers() },
    POST: {
      body: (f) => ({ ...productBody(f), categoryId: String(f.category.sub.id), price: '450', moq: '1' }),
      expect: sellers(),
    },
  },
  '/seller/products/:id/edit': {
    GET: { params: draft, expect: sellerOwns() },
    POST: {
      params: freshProduct,
      body: (f) => ({ ...productBody(f), categoryId: String(f.category.sub.id), price: '450', moq: '1' }),
      expect: sellerOwns(),
    },
  },
  '/seller/products/:id/publish': { POST: { params: freshProduct, expect: sellerOwns() } },
  '/seller/products/:id/delete': { POST: { params: freshProduct, expect: sellerOwns() } },
  '/seller/products/:id/images': { POST: { params: freshProduct, upload: photo, expect: sellerOwns() } },
  '/seller/products/:id/images/:imageId/delete': { POST: { params: freshPhoto, expect: sellerOwns() } },
  '/seller/products/:id/images/:imageId/main': { POST: { params: freshPhoto, expect: sellerOwns() } },
  '/seller/leads': { GET: { expect: sellers() } },
  '/seller/leads/export.csv': { GET: { expect: sellers() } },
  '/seller/leads/export.json': { GET: { expect: sellers() } },
  '/seller/leads/:id': { GET: { params: enquiry, expect: sellerOwns() } },
  '/seller/leads/:id/messages': {
    POST: { params: enquiry, body: { body: 'We can deliver by the 20th.' }, expect: sellerOwns() },
  },
  '/seller/leads/:id/quote': {
    POST: {
      params: freshEnquiry,
      body: { price: '4200', quantity: '25', unit: 'piece', validUntil: '2099-12-31' },
      expect: sellerOwns(),
    },
  },
  '/seller/leads/:id/notes': {
    POST: { params: enquiry, body: { body: 'Sent drawings.' }, expect: sellerOwns() },
  },
  '/seller/leads/:id/status': {
    POST: { params: freshEnquiry, body: { status: 'contacted' }, expect: sellerOwns() },
  },
  '/seller/leads/:id/spam': {
    POST: { params: freshEnquiry, body: { reason: 'Looks automated' }, expect: sellerOwns() },
  },
  '/seller/leads/:id/decline': {
    POST: { params: freshEnquiry, body: { reason: 'We do not make this size' }, expect: sellerOwns() },
  },
  '/seller/leads/:id/block': {
    POST: { params: freshEnquiry, body: { reason: 'Abusive messages' }, expect: sellerOwns() },
  },
  '/seller/leads/:id/unblock': { POST: { params: freshEnquiry, expect: sellerOwns('accepted') } },
  '/seller/import': {
    GET: { expect: sellers() },
    POST: { upload: csv, expect: sellers('accepted') },
  },
  '/seller/import/:id': { GET: { params: (f) => ({ id: f.importId }), expect: sellerOwns() } },
  '/seller/api-keys': {
    GET: { expect: sellers() },
    POST: { body: { name: 'ERP sync', password: PERSONA_PASSWORD }, expect: sellers() },
  },
  '/seller/api-keys/:id/revoke': {
    POST: { params: async (f) => ({ id: await f.fresh.apiKey() }), expect: sellerOwns() },
  },
}
