import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as enquiries from '../../../modules/enquiries/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { sendPage } from '../../render.tsx'
import { AccountShell, CsrfField, type FlashMessage } from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Badge, Button, Card, GstVerifiedBadge } from '../../views/ui.tsx'
import { sellerPath } from '../../views/urls.ts'
import { mustSignIn, noStore, sessionOf, takeFlash } from './account-frame.ts'

const capabilityLabels: Record<accounts.Capability, { title: string; text: string }> = {
  send_enquiry: { title: 'Send enquiries', text: 'Ask sellers for prices, stock and delivery.' },
  post_requirement: { title: 'Post buy requirements', text: 'Tell matching sellers what you need.' },
  place_order: { title: 'Place orders', text: 'Order and pay online where sellers accept it.' },
  list_products: { title: 'Sell on Mandi', text: 'List your products with a verified business profile.' },
}

interface Readiness {
  capability: accounts.Capability
  missing: accounts.Requirement[]
}

/** "My account": what the person can do now, what is missing for the rest, and where everything is. */
export function overviewPages(server: FastifyInstance, app: App) {
  server.get('/account', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const [profile, business, personalised] = await Promise.all([
      accounts.findProfile(app.db, user.id),
      accounts.findBusinessByOwner(app.db, user.id),
      privacy.hasConsent(app.db, user.id, 'personalisation'),
    ])
    // Suggestions exist only for people who turned personalisation on; nothing is shown otherwise.
    const suggestions = personalised ? await enquiries.suppliersYouMayNeed(app.db, user.id, 6) : null
    const facts: accounts.ProfileFacts = { ...profile, hasBusiness: business !== null }
    // Only what Mandi can do today: a capability whose feature is not built is not "Ready".
    const readiness = (Object.keys(capabilityLabels) as accounts.Capability[])
      .filter((capability) => accounts.capabilities[capability].available)
      .map((capability) => ({
        capability,
        missing: accounts.missingRequirements(facts, capability),
      }))
    noStore(reply)
    return sendPage(
      reply,
      <OverviewPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        flash={takeFlash(request, reply, app)}
        profile={profile}
        businessName={business ? (business.tradeName ?? business.legalName) : null}
        readiness={readiness}
        suggestions={suggestions}
      />,
    )
  })
}

function OverviewPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  profile: accounts.Profile
  businessName: string | null
  readiness: Readiness[]
  /** null when the person has not consented to personalised suggestions. */
  suggestions: enquiries.SupplierSuggestion[] | null
}) {
  const { profile } = props
  const first = profile.name?.trim().split(/\s+/)[0] ?? ''
  return (
    <AccountShell ctx={props.ctx} title="My account" section="overview" flash={props.flash}>
      <p class="lead">Namaste, {first}. Here is what your account can do, and what it still needs.</p>

      <Card title="Email address" id="email">
        <p class="account-email">
          <strong>{profile.email}</strong>{' '}
          {profile.emailVerifiedAt ? (
            <Badge tone="verified">Confirmed</Badge>
          ) : (
            <Badge>Not confirmed yet</Badge>
          )}
        </p>
        {profile.emailVerifiedAt ? null : (
          <>
            <p>
              We sent a link to this address when you registered. Open it to confirm the address is yours.
            </p>
            <form method="post" action="/account/verify-email/resend">
              <CsrfField token={props.csrf} />
              <input type="hidden" name="back" value="/account" />
              <Button variant="secondary">Send a new link</Button>
            </form>
          </>
        )}
      </Card>

      <section class="card" aria-labelledby="readiness-title">
        <h2 class="card-title" id="readiness-title">
          Profile completeness
        </h2>
        <ul class="readiness">
          {props.readiness.map((r) => {
            const label = capabilityLabels[r.capability]
            return (
              <li key={r.capability} class={r.missing.length ? 'readiness-todo' : 'readiness-done'}>
                <span class="readiness-mark" aria-hidden="true">
                  <Icon name={r.missing.length ? 'info' : 'check'} />
                </span>
                <div>
                  <h3>
                    {label.title}{' '}
                    {r.missing.length ? (
                      <Badge>Needs {r.missing.length} more</Badge>
                    ) : (
                      <Badge tone="verified">Ready</Badge>
                    )}
                  </h3>
                  <p class="muted">{label.text}</p>
                  {r.missing.length ? (
                    <ul class="readiness-steps">
                      {r.missing.map((m) => (
                        <li key={m}>
                          <a href={accounts.requirementDefinitions[m].link}>
                            {capitalise(accounts.requirementDefinitions[m].message)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            )
          })}
        </ul>
      </section>

      {props.suggestions ? <SuppliersYouMayNeed suggestions={props.suggestions} /> : null}

      <nav aria-labelledby="quick-title" class="card">
        <h2 class="card-title" id="quick-title">
          Your account
        </h2>
        <ul class="quick-links">
          <li>
            <a href="/account/profile">Profile</a>
            <span class="muted">Name, mobile, address</span>
          </li>
          <li>
            <a href="/account/profile/history">Profile history</a>
            <span class="muted">Every change, old and new values</span>
          </li>
          <li>
            <a href="/account/security">Sign-in and security</a>
            <span class="muted">Password, devices, two-factor sign-in</span>
          </li>
          <li>
            <a href="/account/business">Business profile</a>
            <span class="muted">{props.businessName ?? 'GSTIN, address, logo — to sell on Mandi'}</span>
          </li>
          <li>
            <a href="/account/requirements">Buy requirements</a>
            <span class="muted">Post what you need; see who received it and who replied</span>
          </li>
          <li>
            <a href="/account/privacy">Privacy centre</a>
            <span class="muted">Your choices, receipts and who received your data</span>
          </li>
        </ul>
      </nav>
    </AccountShell>
  )
}

function SuppliersYouMayNeed(props: { suggestions: enquiries.SupplierSuggestion[] }) {
  return (
    <section class="card" aria-labelledby="suggestions-title">
      <h2 class="card-title" id="suggestions-title">
        Suppliers you may need
      </h2>
      <p class="muted">
        Chosen from the products you viewed and the enquiries and requirements you sent, because you turned on
        personalised suggestions. Sellers you have already contacted are left out.{' '}
        <a href="/account/privacy#consent-personalisation">Turn this off</a> — what we noted is then deleted.
      </p>
      {props.suggestions.length === 0 ? (
        <p>Suggestions appear here once you have looked at a few products.</p>
      ) : (
        <ul class="supplier-suggestions">
          {props.suggestions.map((s) => (
            <li key={s.businessId}>
              <a href={sellerPath(s)}>{s.name}</a> {s.verified ? <GstVerifiedBadge /> : null}
              <br />
              <span class="muted">
                {s.categoryName} · {s.city}, {s.state} · {s.responsiveness[0]}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
