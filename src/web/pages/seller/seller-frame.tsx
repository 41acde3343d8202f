import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import { csrfPassed } from '../../csrf.ts'
import type { App } from '../../../app.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import * as enquiries from '../../../modules/enquiries/index.ts'
import { AppError } from '../../../shared/errors.ts'
import { presentError } from '../../errors.ts'
import { sendPage } from '../../render.tsx'
import { type FlashMessage, SectionShell } from '../../views/account-components.tsx'
import { type PageContext, pageContext, setNavCount } from '../../views/page-context.ts'
import { ButtonLink, Card } from '../../views/ui.tsx'
import { noStore, sessionOf } from '../account/account-frame.ts'

// What every /seller page shares: the seller's frame (menu of seller tasks), and turning the
// signed-in person into the business they sell for — or a page saying what to complete first.

export type SellerSection = 'products' | 'leads' | 'new' | 'import' | 'api-keys'

const sections: { id: SellerSection; href: string; label: string }[] = [
  { id: 'products', href: '/seller', label: 'Products' },
  { id: 'leads', href: '/seller/leads', label: 'Leads' },
  { id: 'new', href: '/seller/products/new', label: 'Add a product' },
  { id: 'import', href: '/seller/import', label: 'Import from CSV' },
  { id: 'api-keys', href: '/seller/api-keys', label: 'API keys' },
]

export function SellerShell(props: {
  ctx: PageContext
  title: string
  section: SellerSection
  crumbs?: { label: string; href?: string }[]
  lead?: ComponentChildren
  flash?: FlashMessage | null | undefined
  /** Seconds after which the page reloads itself (import progress), without JavaScript. */
  refreshSeconds?: number
  children: ComponentChildren
}) {
  const dashboard = props.section === 'products' && !props.crumbs
  const crumbs = dashboard
    ? [{ label: 'Home', href: '/' }, { label: 'Seller centre' }]
    : [
        { label: 'Home', href: '/' },
        { label: 'Seller centre', href: '/seller' },
        ...(props.crumbs ?? []),
        { label: props.title },
      ]
  return (
    <SectionShell
      ctx={props.ctx}
      title={props.title}
      crumbs={crumbs}
      navLabel="Seller centre"
      sections={sections}
      current={props.section}
      lead={props.lead}
      flash={props.flash}
      class="seller-page"
      refreshSeconds={props.refreshSeconds}
    >
      {props.children}
    </SectionShell>
  )
}

/**
 * Route preHandler for /seller pages: signed-out visitors go to sign in; a person who cannot list
 * products yet sees what to complete (the capability rule lives in accounts), with links.
 */
export function mustBeSeller(app: App) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.session) {
      const next = request.method === 'GET' ? request.url : '/seller'
      return reply.redirect(`/account/sign-in?next=${encodeURIComponent(next)}`, 303)
    }
    try {
      const seller = await catalog.sellerForUser(app.db, request.session.user)
      sellers.set(request, seller)
      setNavCount(request, 'leads', await enquiries.countUnreadLeads(app.db, seller))
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'profile_incomplete') throw error
      noStore(reply)
      const presented = presentError(error)
      const links = Object.entries(presented.fields ?? {})
      return sendPage(
        reply,
        <SellerShell ctx={pageContext(request)} title="Complete your profile to sell" section="products">
          <Card>
            <p>{presented.message}</p>
            <ul class="link-list">
              {links.map(([requirement, href]) => (
                <li key={requirement}>
                  <a href={href}>{requirementLabels[requirement] ?? 'Complete your profile'}</a>
                </li>
              ))}
            </ul>
            <ButtonLink href={links[0]?.[1] ?? '/account'}>Complete your profile</ButtonLink>
          </Card>
        </SellerShell>,
        403,
      )
    }
  }
}

const requirementLabels: Record<string, string> = {
  verified_email: 'Confirm your email address',
  phone: 'Add your mobile number',
  business_profile: 'Create your business profile with your GSTIN',
  postal_address: 'Add your postal address',
}

const sellers = new WeakMap<FastifyRequest, catalog.SellerActor>()

/** The seller on a route guarded by mustBeSeller. */
export function sellerOf(request: FastifyRequest): catalog.SellerActor {
  const seller = sellers.get(request)
  if (!seller) sessionOf(request)
  if (!seller) throw new AppError('forbidden', 'not_a_seller', 'Create your business profile first.')
  return seller
}

/** Parses a numeric route id; anything else is "not found", like another seller's product. */
export function productIdParam(value: string): number {
  const id = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isSafeInteger(id) || id < 1)
    throw new AppError('not_found', 'product_not_found', 'There is no such product among your listings.')
  return id
}

/** Checks the CSRF token a multipart form carried; false when the refusal has been sent. */
export function multipartCsrfPassed(scope: FastifyInstance, request: FastifyRequest, reply: FastifyReply, token: string) {
  return csrfPassed(scope, request, reply, token)
}
