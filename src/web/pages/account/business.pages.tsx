import fastifyMultipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { csrfPassed } from '../../csrf.ts'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import { AppError } from '../../../shared/errors.ts'
import { formatDate } from '../../../shared/format.ts'
import { indianStates } from '../../../shared/india.ts'
import { sendPage } from '../../render.tsx'
import { logoRules, logoTooLarge, saveBusinessLogo, uploadUrl, uploadsDir } from '../../uploads.ts'
import {
  AccountShell,
  CsrfField,
  ErrorSummary,
  type FlashMessage,
  fieldId,
  InputField,
  SelectField,
  whyWeAsk,
} from '../../views/account-components.tsx'
import { businessTypeLabel } from '../../views/catalog-components.tsx'
import { Icon } from '../../views/icons.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Badge, Button, Card, GstVerifiedBadge } from '../../views/ui.tsx'
import { sellerPath } from '../../views/urls.ts'
import {
  type FormBody,
  formBody,
  formProblem,
  list,
  mustSignIn,
  noStore,
  optional,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from './account-frame.ts'

const textFields = [
  'legalName',
  'tradeName',
  'gstin',
  'businessType',
  'yearEstablished',
  'description',
] as const
const addressFields = ['address.line1', 'address.city', 'address.state', 'address.pin'] as const
type Values = Record<(typeof textFields)[number] | (typeof addressFields)[number], string>

const labels: Record<string, string> = {
  legalName: 'Legal name',
  tradeName: 'Trade name',
  gstin: 'GSTIN',
  businessType: 'Type of business',
  yearEstablished: 'Year established',
  description: 'About your business',
  'address.line1': 'Street address',
  'address.city': 'City or town',
  'address.state': 'State',
  'address.pin': 'PIN code',
  categories: 'Categories you serve',
  logo: 'Logo',
}

interface BusinessForm {
  values: Values
  categories: Set<number>
  errors: Record<string, string>
  logoError?: string | undefined
}

/** The seller's business profile (which makes them a seller) and its logo. */
export function businessPages(server: FastifyInstance, app: App) {
  server.get('/account/business', { preHandler: mustSignIn }, async (request, reply) => {
    const business = await accounts.findBusinessByOwner(app.db, sessionOf(request).user.id)
    return showBusiness(
      app,
      request,
      reply,
      business,
      formFromBusiness(business),
      takeFlash(request, reply, app),
    )
  })

  server.post('/account/business', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const form = formFromBody(body)
    try {
      const existed = await accounts.findBusinessByOwner(app.db, user.id)
      await accounts.saveBusinessProfile(app.db, user.id, {
        legalName: form.values.legalName,
        tradeName: form.values.tradeName,
        gstin: form.values.gstin,
        businessType: form.values.businessType,
        yearEstablished: optional(body, 'yearEstablished'),
        description: form.values.description,
        address: {
          line1: form.values['address.line1'],
          city: form.values['address.city'],
          state: form.values['address.state'],
          pin: form.values['address.pin'],
        },
        categories: [...form.categories],
      })
      return redirectWithFlash(reply, app, '/account/business', {
        kind: 'success',
        text: existed
          ? 'Your business profile is saved.'
          : 'Your business profile is created. You can now add a logo, and list products once your email is confirmed.',
      })
    } catch (error) {
      const problem = formProblem(error, { gstin_taken: 'gstin' })
      const business = await accounts.findBusinessByOwner(app.db, user.id)
      return showBusiness(
        app,
        request,
        reply,
        business,
        { ...form, errors: problem.fields },
        null,
        problem.status,
      )
    }
  })

  // Multipart parsing is switched on for the logo upload alone.
  server.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: logoRules.maxBytes, files: 1, fields: 2, fieldSize: 200, parts: 3 },
      throwFileSizeLimit: false,
    })
    scope.post('/account/business/logo', { preHandler: mustSignIn }, async (request, reply) => {
      const { user } = sessionOf(request)
      const upload = await readLogoUpload(request)
      // The site-wide check skips multipart forms; this one is checked here, before anything changes.
      if (!csrfPassed(scope, request, reply, upload.csrf)) return reply

      const business = await accounts.findBusinessByOwner(app.db, user.id)
      if (!business) {
        return redirectWithFlash(reply, app, '/account/business', {
          kind: 'error',
          text: 'Create your business profile first; then you can add its logo.',
        })
      }
      try {
        if (upload.truncated) throw logoTooLarge()
        await saveBusinessLogo(app.db, uploadsDir(app), business.id, upload.bytes ?? Buffer.alloc(0))
        return redirectWithFlash(reply, app, '/account/business#business-logo', {
          kind: 'success',
          text: 'Your logo is saved. Buyers see it on your storefront and products.',
        })
      } catch (error) {
        const problem = formProblem(error)
        const form = { ...formFromBusiness(business), logoError: problem.fields.logo ?? problem.message }
        return showBusiness(app, request, reply, business, form, null, problem.status)
      }
    })
  })
}

async function readLogoUpload(request: FastifyRequest) {
  if (!request.isMultipart()) {
    throw new AppError(
      'invalid',
      'not_multipart',
      'Upload the logo with the form on the business profile page.',
    )
  }
  const upload = { csrf: '', bytes: null as Buffer | null, truncated: false }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (part.fieldname === 'logo' && !upload.bytes) {
        upload.bytes = bytes
        upload.truncated = part.file.truncated
      }
    } else if (part.fieldname === '_csrf' && typeof part.value === 'string') {
      upload.csrf = part.value
    }
  }
  return upload
}

function formFromBusiness(business: accounts.Business | null): BusinessForm {
  return {
    values: {
      legalName: business?.legalName ?? '',
      tradeName: business?.tradeName ?? '',
      gstin: business?.gstin ?? '',
      businessType: business?.businessType ?? 'manufacturer',
      yearEstablished: business?.yearEstablished ? String(business.yearEstablished) : '',
      description: business?.description ?? '',
      'address.line1': business?.addressLine1 ?? '',
      'address.city': business?.city ?? '',
      'address.state': business?.state ?? '',
      'address.pin': business?.pin ?? '',
    },
    categories: new Set(business?.categoryIds ?? []),
    errors: {},
  }
}

function formFromBody(body: FormBody): BusinessForm {
  const values = Object.fromEntries(
    [...textFields, ...addressFields].map((f) => [f, text(body, f)]),
  ) as Values
  const categories = new Set(
    list(body, 'categories')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
  )
  return { values, categories, errors: {} }
}

async function showBusiness(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  business: accounts.Business | null,
  form: BusinessForm,
  flash: FlashMessage | null,
  status = 200,
) {
  const tree = await catalog.loadCategoryTree(app.db)
  noStore(reply)
  return sendPage(
    reply,
    <BusinessPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      flash={flash}
      business={business}
      form={form}
      tree={tree}
    />,
    status,
  )
}

function BusinessPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  business: accounts.Business | null
  form: BusinessForm
  tree: catalog.CategoryTree
}) {
  const { business, form } = props
  const { values, errors } = form
  const field = (name: keyof Values) => ({
    name,
    label: labels[name]!,
    value: values[name],
    error: errors[name],
  })
  return (
    <AccountShell
      ctx={props.ctx}
      title="Business profile"
      section="business"
      flash={props.flash}
      lead={
        business
          ? 'What buyers see on your storefront. Your GSTIN and address are checked against each other.'
          : 'Create your business profile to sell on Mandi. Buyers see your business name, city, GSTIN and what you make; your phone and email stay private.'
      }
    >
      {business ? (
        <Card>
          <div class="business-status">
            <p>
              <strong>{business.tradeName ?? business.legalName}</strong>{' '}
              {business.gstinVerifiedAt ? (
                <GstVerifiedBadge checkedOn={formatDate(business.gstinVerifiedAt)} />
              ) : (
                <Badge>GSTIN not verified yet</Badge>
              )}
            </p>
            <a href={sellerPath(business)}>See your storefront</a>
          </div>
        </Card>
      ) : null}

      {business ? <LogoCard csrf={props.csrf} business={business} error={form.logoError} /> : null}

      <Card title={business ? 'Business details' : 'Create your business profile'}>
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action="/account/business" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            {...field('legalName')}
            required
            maxlength={200}
            autocomplete="organization"
            hint="Exactly as on your GST registration certificate."
            why={whyWeAsk('businesses', 'legalName')}
          />
          <InputField
            {...field('tradeName')}
            maxlength={200}
            hint="The name buyers know you by, if it is different."
          />
          <InputField
            {...field('gstin')}
            required
            maxlength={15}
            spellcheck={false}
            hint="15 characters, like 27AAPFU0939F1ZV. Its first two digits must match your state."
            why={whyWeAsk('businesses', 'gstin')}
            class="field-gstin"
          />
          <div class="form-row">
            <SelectField
              {...field('businessType')}
              required
              hint="What you mainly do."
              options={accounts.businessTypes.map((t) => ({ value: t, label: businessTypeLabel(t) }))}
            />
            <InputField
              {...field('yearEstablished')}
              inputmode="numeric"
              maxlength={4}
              hint="For example 1998."
            />
          </div>
          <InputField
            {...field('description')}
            multiline
            maxlength={2000}
            hint="What you make or supply, your capacity, certifications and the areas you deliver to."
          />

          <fieldset class="form-section" id="business-address">
            <legend>Registered business address</legend>
            <InputField
              {...field('address.line1')}
              required
              maxlength={200}
              autocomplete="address-line1"
              why={whyWeAsk('businesses', 'addressLine1')}
            />
            <div class="form-row">
              <InputField {...field('address.city')} required maxlength={80} autocomplete="address-level2" />
              <SelectField
                {...field('address.state')}
                required
                autocomplete="address-level1"
                options={[
                  { value: '', label: 'Choose a state' },
                  ...indianStates.map((s) => ({ value: s, label: s })),
                ]}
              />
            </div>
            <InputField
              {...field('address.pin')}
              required
              inputmode="numeric"
              maxlength={6}
              autocomplete="postal-code"
              class="field-short"
              why={whyWeAsk('businesses', 'pin')}
            />
          </fieldset>

          <CategoryChoice tree={props.tree} chosen={form.categories} error={errors.categories} />

          <Button>{business ? 'Save changes' : 'Create business profile'}</Button>
        </form>
      </Card>
    </AccountShell>
  )
}

/** Top categories as groups of checkboxes (a group opens when something in it is chosen). */
function CategoryChoice(props: {
  tree: catalog.CategoryTree
  chosen: Set<number>
  error: string | undefined
}) {
  const id = fieldId('categories')
  return (
    <fieldset
      class={props.error ? 'form-section field-invalid' : 'form-section'}
      id={id}
      aria-describedby={`${id}-hint`}
    >
      <legend>{labels.categories}</legend>
      <p class="field-hint" id={`${id}-hint`}>
        Choose up to 20. Buyers browsing these categories can find your business.{' '}
        {props.chosen.size ? <strong>{props.chosen.size} chosen.</strong> : null}
      </p>
      {props.error ? <p class="field-error">{props.error}</p> : null}
      <div class="category-choice">
        {props.tree.roots.map((top) => {
          const inGroup = [top, ...top.children].filter((c) => props.chosen.has(c.id)).length
          return (
            <details key={top.id} open={inGroup > 0}>
              <summary>
                {top.name}
                {inGroup ? <span class="count"> · {inGroup} chosen</span> : null}
              </summary>
              <ul class="plain-list">
                <li class="check">
                  <input
                    type="checkbox"
                    id={`category-${top.id}`}
                    name="categories"
                    value={String(top.id)}
                    checked={props.chosen.has(top.id)}
                  />
                  <label for={`category-${top.id}`}>All of {top.name}</label>
                </li>
                {top.children.map((c) => (
                  <li key={c.id} class="check">
                    <input
                      type="checkbox"
                      id={`category-${c.id}`}
                      name="categories"
                      value={String(c.id)}
                      checked={props.chosen.has(c.id)}
                    />
                    <label for={`category-${c.id}`}>{c.name}</label>
                  </li>
                ))}
              </ul>
            </details>
          )
        })}
      </div>
    </fieldset>
  )
}

function LogoCard(props: { csrf: string; business: accounts.Business; error: string | undefined }) {
  const name = props.business.tradeName ?? props.business.legalName
  return (
    <Card title="Logo" id="business-logo">
      <div class="logo-row">
        {props.business.logoPath ? (
          <img
            class="logo-preview"
            src={uploadUrl(props.business.logoPath)}
            alt={`Logo of ${name}`}
            width="128"
            height="128"
          />
        ) : (
          <div class="logo-preview logo-empty" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </div>
        )}
        <form method="post" action="/account/business/logo" enctype="multipart/form-data" class="logo-form">
          <CsrfField token={props.csrf} />
          <div class={props.error ? 'field field-invalid' : 'field'}>
            <label class="field-label" for="logo">
              {props.business.logoPath ? 'Replace the logo' : 'Upload a logo'}
            </label>
            <p class="field-hint" id="logo-hint">
              PNG, JPEG or WebP, up to 2 MB and {logoRules.maxSide} × {logoRules.maxSide} pixels. We make it{' '}
              {logoRules.size} × {logoRules.size} and remove hidden details such as camera and location data.
            </p>
            {props.error ? (
              <p class="field-error" id="logo-error">
                <Icon name="alert" />
                <span class="visually-hidden">Error: </span>
                {props.error}
              </p>
            ) : null}
            <input
              type="file"
              id="logo"
              name="logo"
              accept="image/png,image/jpeg,image/webp"
              required
              class="input-file"
              aria-describedby={props.error ? 'logo-hint logo-error' : 'logo-hint'}
              aria-invalid={props.error ? 'true' : undefined}
            />
          </div>
          <Button variant="secondary">Upload logo</Button>
        </form>
      </div>
    </Card>
  )
}
