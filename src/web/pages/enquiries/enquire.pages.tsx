import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as enquiries from '../../../modules/enquiries/index.ts'
import { AppError, notFound } from '../../../shared/errors.ts'
import { formatQuantity, withFullStop } from '../../../shared/format.ts'
import { isPastDate, parseInputAll } from '../../../shared/validation.ts'
import { sendPage } from '../../render.tsx'
import {
  CsrfField,
  ErrorSummary,
  FlashBanner,
  type FlashMessage,
  InputField,
} from '../../views/account-components.tsx'
import { Icon } from '../../views/icons.tsx'
import { Layout } from '../../views/layout.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Breadcrumbs, Button, ButtonLink, Card } from '../../views/ui.tsx'
import { productPath, sellerPath } from '../../views/urls.ts'
import {
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  text,
} from '../account/account-frame.ts'

// "Send an enquiry" to a seller, about one of their products (?productId=) or their business in
// general (?sellerId=). The form says plainly what the seller will and will not see.

const fields = ['quantity', 'unit', 'message', 'requiredBy', 'deliveryCity'] as const
type Values = Record<(typeof fields)[number], string>

const labels: Record<string, string> = {
  quantity: 'Quantity',
  unit: 'Unit',
  message: 'What you need',
  requiredBy: 'Needed by',
  deliveryCity: 'Delivery city',
  productId: 'Product',
}

interface Sender {
  name: string
  company: string | null
  city: string | null
}

export function enquirePages(server: FastifyInstance, app: App) {
  server.get('/enquire', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const target = await targetOf(app, request.query)
    const sender = await senderOf(app, user.id)
    // Say what to complete before the person types a long message, not after.
    const incomplete = await profileProblem(app, user.id)
    const values: Values = {
      quantity: target.moq ? String(target.moq) : '',
      unit: target.unit ?? '',
      message: '',
      requiredBy: '',
      deliveryCity: sender.city ?? '',
    }
    noStore(reply)
    return sendPage(
      reply,
      <EnquirePage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        target={target}
        sender={sender}
        values={values}
        errors={{}}
        incomplete={incomplete}
      />,
    )
  })

  server.post('/enquire', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const values = Object.fromEntries(fields.map((f) => [f, text(body, f)])) as Values
    const target = await targetOf(app, {
      productId: text(body, 'productId'),
      sellerId: text(body, 'sellerId'),
    })
    try {
      const input = {
        ...(target.productId ? { productId: target.productId } : { sellerId: target.sellerId }),
        ...values,
      }
      // Every problem with the form in one answer, the date check with the fields' own.
      const now = app.enquiryContext.now?.() ?? new Date()
      parseInputAll(enquiries.EnquiryInput, input, [
        isPastDate(values.requiredBy, now) && {
          field: 'requiredBy',
          message: 'Choose today or a later date.',
          code: 'invalid_required_by',
          summary: 'The date you need the goods by has already passed.',
        },
      ])
      const enquiry = await enquiries.createEnquiry(app.db, app.enquiryContext, user.id, input)
      return redirectWithFlash(reply, app, `/account/enquiries/${enquiry.id}`, {
        kind: 'success',
        text: `Your enquiry is on its way to ${withFullStop(target.sellerName)} You will see their reply here, and we will email you when it arrives.`,
      })
    } catch (error) {
      const problem = formProblem(error)
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      const incomplete = problem.code === 'profile_incomplete' ? problem : null
      noStore(reply)
      return sendPage(
        reply,
        <EnquirePage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          target={target}
          sender={await senderOf(app, user.id)}
          values={values}
          errors={incomplete ? {} : problem.fields}
          incomplete={incomplete ? { message: problem.message, links: problem.fields } : null}
        />,
        problem.status,
      )
    }
  })
}

async function targetOf(app: App, query: unknown): Promise<enquiries.EnquiryTarget> {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>
  const id = (v: unknown) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : undefined)
  const productId = id(q.productId)
  const sellerId = id(q.sellerId)
  if (productId !== undefined) return enquiries.findEnquiryTarget(app.db, { productId })
  if (sellerId !== undefined) return enquiries.findEnquiryTarget(app.db, { sellerId })
  throw notFound(
    'enquiry_target_missing',
    'Choose a product or a seller first, then press "Send enquiry" on its page.',
  )
}

async function senderOf(app: App, userId: string): Promise<Sender> {
  const [profile, business] = await Promise.all([
    accounts.findProfile(app.db, userId),
    accounts.findBusinessByOwner(app.db, userId),
  ])
  return {
    name: profile.name ?? 'Your name (not on your profile yet)',
    company: business ? (business.tradeName ?? business.legalName) : null,
    city: profile.city ?? null,
  }
}

async function profileProblem(app: App, userId: string) {
  try {
    await enquiries.assertCanEnquire(app.db, userId, 'send_enquiry')
    return null
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'profile_incomplete') throw error
    return { message: error.message, links: error.fields ?? {} }
  }
}

const requirementLabels: Record<string, string> = {
  verified_email: 'Confirm your email address',
  phone: 'Add your mobile number',
  postal_address: 'Add your postal address',
  business_profile: 'Create your business profile',
}

function EnquirePage(props: {
  ctx: PageContext
  csrf: string
  target: enquiries.EnquiryTarget
  sender: Sender
  values: Values
  errors: Record<string, string>
  incomplete: { message: string; links: Record<string, string> } | null
  flash?: FlashMessage | null
}) {
  const { target, sender, values, errors } = props
  const seller = { slug: target.sellerSlug }
  const aboutProduct = target.productId !== null
  const title = `Send an enquiry to ${target.sellerName}`
  return (
    <Layout ctx={props.ctx} title={title} noindex>
      <div class="container enquire-page">
        <Breadcrumbs
          items={[
            { label: 'Home', href: '/' },
            { label: target.sellerName, href: sellerPath(seller) },
            ...(aboutProduct
              ? [
                  {
                    label: target.subject,
                    href: productPath({ id: target.productId!, slug: target.productSlug ?? '' }),
                  },
                ]
              : []),
            { label: 'Send an enquiry' },
          ]}
        />
        <h1>{title}</h1>
        <p class="lead">
          {aboutProduct ? (
            <>
              About <strong>{target.subject}</strong>
              {target.moq ? <> · minimum order {formatQuantity(target.moq, target.unit ?? 'piece')}</> : null}
            </>
          ) : (
            <>
              A general enquiry to {target.sellerName}, {target.sellerCity}.
            </>
          )}
        </p>
        <FlashBanner flash={props.flash ?? null} />
        <div class="enquire-layout">
          <div>
            {props.incomplete ? (
              <div class="profile-needed" role="alert" aria-labelledby="profile-needed-title">
                <h2 id="profile-needed-title">Complete your profile to send enquiries</h2>
                <p>{props.incomplete.message}</p>
                <ul class="link-list">
                  {Object.entries(props.incomplete.links).map(([requirement, href]) => (
                    <li key={requirement}>
                      <a href={href}>{requirementLabels[requirement] ?? 'Complete your profile'}</a>
                    </li>
                  ))}
                </ul>
                <p class="muted">What you type below is kept if you send it before completing these.</p>
              </div>
            ) : null}
            <Card title="Your requirement">
              <ErrorSummary errors={errors} labels={labels} />
              <form method="post" action="/enquire" novalidate class="enquire-form">
                <CsrfField token={props.csrf} />
                {aboutProduct ? (
                  <input type="hidden" name="productId" value={String(target.productId)} />
                ) : (
                  <input type="hidden" name="sellerId" value={String(target.sellerId)} />
                )}
                <div class="form-row">
                  <InputField
                    name="quantity"
                    label={labels.quantity!}
                    value={values.quantity}
                    error={errors.quantity}
                    required
                    inputmode="numeric"
                    class="field-short"
                    hint="A number, like 40."
                  />
                  <InputField
                    name="unit"
                    label={labels.unit!}
                    value={values.unit}
                    error={errors.unit}
                    required
                    maxlength={30}
                    hint="For example piece, kg, metre, set."
                  />
                </div>
                <InputField
                  name="message"
                  label={labels.message!}
                  value={values.message}
                  error={errors.message}
                  required
                  multiline
                  maxlength={enquiries.MESSAGE_MAX}
                  hint="Specifications, grade or finish, packing, and anything else the seller needs to quote."
                />
                <div class="form-row">
                  <InputField
                    name="requiredBy"
                    type="date"
                    label={labels.requiredBy!}
                    value={values.requiredBy}
                    error={errors.requiredBy}
                  />
                  <InputField
                    name="deliveryCity"
                    label={labels.deliveryCity!}
                    value={values.deliveryCity}
                    error={errors.deliveryCity}
                    maxlength={60}
                    autocomplete="address-level2"
                  />
                </div>
                <Button class="btn-large">Send enquiry</Button>
              </form>
            </Card>
          </div>
          <aside class="card privacy-explainer" aria-labelledby="seller-sees-title">
            <h2 id="seller-sees-title" class="card-title">
              <Icon name="eye" />
              What {target.sellerName} will see
            </h2>
            <ul class="sees-list">
              <li>
                <span class="sees-label">Your name</span> {sender.name}
              </li>
              <li>
                <span class="sees-label">Your company</span>{' '}
                {sender.company ?? <span class="muted">none on your profile</span>}
              </li>
              <li>
                <span class="sees-label">Your city</span>{' '}
                {sender.city ?? <span class="muted">not on your profile</span>}
              </li>
              <li>
                <span class="sees-label">Your need</span> the quantity, date, delivery city and message above
              </li>
            </ul>
            <h3 class="private-title">
              <Icon name="lock" />
              Kept private
            </h3>
            <p>
              Your email address and phone number stay private. You and the seller talk through Mandi — on
              this site or by email through a relay address — until <em>you</em> choose to share your details.
              You can stop sharing at any time, and every share is written to your{' '}
              <a href="/account/privacy">privacy centre</a>.
            </p>
            <ButtonLink href="/account/enquiries" variant="secondary">
              Your enquiries
            </ButtonLink>
          </aside>
        </div>
      </div>
    </Layout>
  )
}
