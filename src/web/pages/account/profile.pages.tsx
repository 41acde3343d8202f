import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { indianStates } from '../../../shared/india.ts'
import { sendPage } from '../../render.tsx'
import {
  AccountShell,
  changedByLabel,
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
  SelectField,
  whyWeAsk,
  StepUpCodeField,
  stepUpCodeLabel,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Badge, Button, Card, EmptyState } from '../../views/ui.tsx'
import {
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  optional,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from './account-frame.ts'
import { genderLabels } from './register.pages.tsx'

const editable = [
  'name',
  'phone',
  'dateOfBirth',
  'gender',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'pin',
] as const
type Editable = (typeof editable)[number]
type Values = Record<Editable, string>

const labels: Record<string, string> = accounts.profileFields

/** The person's profile form, and every earlier version of it. */
export function profilePages(server: FastifyInstance, app: App) {
  /**
   * The profile page for the signed-in person, as stored; a form that failed passes what was typed
   * and its problems (status 4xx), the others keep their defaults.
   */
  const showProfile = async (
    request: FastifyRequest,
    reply: FastifyReply,
    parts: {
      flash?: FlashMessage | null
      values?: Values
      errors?: Record<string, string>
      emailForm?: Omit<EmailForm, 'twoFactorOn'>
      phoneForm?: PhoneForm
      status?: number
    } = {},
  ) => {
    const { user } = sessionOf(request)
    const [profile, twoFactor] = await Promise.all([
      accounts.findProfile(app.db, user.id),
      accounts.twoFactorStatus(app.db, user.id),
    ])
    noStore(reply)
    return sendPage(
      reply,
      <ProfilePage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        flash={parts.flash ?? null}
        profile={profile}
        values={parts.values ?? (Object.fromEntries(editable.map((f) => [f, profile[f] ?? ''])) as Values)}
        errors={parts.errors ?? {}}
        emailForm={{ ...(parts.emailForm ?? { email: '', errors: {} }), twoFactorOn: twoFactor.enabled }}
        phoneForm={parts.phoneForm ?? noPhoneForm}
      />,
      parts.status,
    )
  }

  server.get('/account/profile', { preHandler: mustSignIn }, async (request, reply) =>
    showProfile(request, reply, { flash: takeFlash(request, reply, app) }),
  )

  // Changing the sign-in address needs the password (and a code when two-factor sign-in is on):
  // otherwise anyone holding a session could move the account, and its reset links, to themselves.
  server.post('/account/profile/email', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const email = text(body, 'email').trim().slice(0, 254)
    try {
      const changed = await accounts.changeEmail(app.db, app.accountsDeps, user.id, {
        email,
        password: text(body, 'password'),
        code: text(body, 'code'),
      })
      await request.server.jobs.send('messaging.deliver')
      return redirectWithFlash(reply, app, '/account/profile#email', {
        kind: 'success',
        text: `You now sign in with ${changed.email}. We sent a link there to confirm it; links sent to your old address no longer work.`,
      })
    } catch (error) {
      const problem = formProblem(error, { email_taken: 'email', invalid_credentials: 'password' })
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      return showProfile(request, reply, {
        emailForm: { email, errors: problem.fields },
        status: problem.status,
      })
    }
  })

  server.post('/account/profile', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const values = Object.fromEntries(editable.map((f) => [f, text(body, f)])) as Values
    try {
      const before = await accounts.findProfile(app.db, user.id)
      const after = await accounts.updateProfile(app.db, user.id, {
        ...values,
        dateOfBirth: optional(body, 'dateOfBirth'),
        gender: optional(body, 'gender'),
      })
      return redirectWithFlash(reply, app, '/account/profile', {
        kind: 'success',
        text:
          after.version === before.version
            ? 'Nothing had changed, so nothing was saved.'
            : 'Your profile is saved. The previous version is kept in your profile history.',
      })
    } catch (error) {
      const problem = formProblem(error, { invalid_phone: 'phone' })
      return showProfile(request, reply, { values, errors: problem.fields, status: problem.status })
    }
  })

  // Verifying the mobile number: a 6-digit code texted to it (10 minutes, once), then typed here.
  const showPhoneProblem = async (
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    code: string,
  ) => {
    const problem = formProblem(error, { invalid_code: 'code', code_expired: 'code' })
    if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
    return showProfile(request, reply, {
      phoneForm: { code, errors: problem.fields },
      status: problem.status,
    })
  }

  server.post('/account/profile/phone/send', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    try {
      const sent = await accounts.sendPhoneVerificationCode(app.db, app.accountsDeps, user.id)
      await request.server.jobs.send('messaging.deliver')
      return redirectWithFlash(reply, app, '/account/profile#phone-verification', {
        kind: 'success',
        text: `We texted a 6-digit code to ${sent.phone}. It works for ${sent.expiresInMinutes} minutes; enter it below.`,
      })
    } catch (error) {
      return showPhoneProblem(request, reply, error, '')
    }
  })

  server.post('/account/profile/phone/confirm', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const code = text(formBody(request), 'code').trim().slice(0, 20)
    try {
      await accounts.confirmPhoneVerification(app.db, app.accountsDeps, user.id, code)
      return redirectWithFlash(reply, app, '/account/profile#phone-verification', {
        kind: 'success',
        text: 'Your mobile number is verified.',
      })
    } catch (error) {
      return showPhoneProblem(request, reply, error, code)
    }
  })

  server.get('/account/profile/history', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const versions = await accounts.listProfileHistory(app.db, user.id)
    noStore(reply)
    return sendPage(reply, <HistoryPage ctx={pageContext(request)} userId={user.id} versions={versions} />)
  })
}

function ProfilePage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  profile: accounts.Profile
  values: Values
  errors: Record<string, string>
  emailForm: EmailForm
  phoneForm: PhoneForm
}) {
  const { values, errors, profile, emailForm } = props
  const field = (name: Editable) => ({ name, label: labels[name]!, value: values[name], error: errors[name] })
  return (
    <AccountShell
      ctx={props.ctx}
      title="Profile"
      section="profile"
      flash={props.flash}
      lead={
        <>
          Every change you save is kept as a new version, with the old value, in your{' '}
          <a href="/account/profile/history">profile history</a>.
        </>
      }
    >
      <Card title="Email address" id="email">
        <p class="account-email">
          <strong>{profile.email}</strong>{' '}
          {profile.emailVerifiedAt ? (
            <Badge tone="verified">Confirmed</Badge>
          ) : (
            <Badge>Not confirmed yet</Badge>
          )}
        </p>
        {profile.emailVerifiedAt ? (
          <p class="muted">This is the address you sign in with.</p>
        ) : (
          <form method="post" action="/account/verify-email/resend">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="back" value="/account/profile" />
            <p>Confirm the address with the link we emailed you. Lost it?</p>
            <Button variant="secondary">Send a new link</Button>
          </form>
        )}
        <ChangeEmailForm csrf={props.csrf} form={emailForm} />
      </Card>

      <Card title="Mobile number" id="phone-verification">
        <PhoneVerification csrf={props.csrf} profile={profile} form={props.phoneForm} />
      </Card>

      <Card title="Your details">
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action="/account/profile" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            {...field('name')}
            required
            autocomplete="name"
            maxlength={120}
            why={whyWeAsk('users', 'name')}
          />
          <InputField
            {...field('phone')}
            type="tel"
            required
            autocomplete="tel"
            inputmode="tel"
            hint="An Indian mobile number, like 98765 43210."
            why={whyWeAsk('users', 'phone')}
          />
          <div class="form-row">
            <InputField
              {...field('dateOfBirth')}
              type="date"
              autocomplete="bday"
              why={whyWeAsk('users', 'dateOfBirth')}
            />
            <SelectField
              {...field('gender')}
              options={[
                { value: '', label: 'Not given' },
                ...accounts.genders.map((g) => ({ value: g, label: genderLabels[g] })),
              ]}
              why={whyWeAsk('users', 'gender')}
            />
          </div>

          <fieldset class="form-section" id="address">
            <legend>Postal address</legend>
            <p class="field-hint">Needed to place orders; optional until then.</p>
            <InputField
              {...field('addressLine1')}
              label="Building and street"
              autocomplete="address-line1"
              maxlength={200}
              why={whyWeAsk('users', 'addressLine1')}
            />
            <InputField
              {...field('addressLine2')}
              label="Area or landmark"
              autocomplete="address-line2"
              maxlength={200}
            />
            <div class="form-row">
              <InputField
                {...field('city')}
                label="City or town"
                autocomplete="address-level2"
                maxlength={80}
              />
              <SelectField
                {...field('state')}
                autocomplete="address-level1"
                options={[
                  { value: '', label: 'Choose a state' },
                  ...indianStates.map((s) => ({ value: s, label: s })),
                ]}
              />
            </div>
            <InputField
              {...field('pin')}
              inputmode="numeric"
              autocomplete="postal-code"
              maxlength={6}
              class="field-short"
              hint="6 digits."
            />
          </fieldset>
          <Button>Save changes</Button>
        </form>
      </Card>
    </AccountShell>
  )
}

interface EmailForm {
  /** The new address as typed (kept when the form comes back with errors). */
  email: string
  errors: Record<string, string>
  twoFactorOn: boolean
}

const emailLabels = {
  email: 'New email address',
  password: 'Your password',
  code: stepUpCodeLabel,
}

function ChangeEmailForm(props: { csrf: string; form: EmailForm }) {
  const { form } = props
  const hasErrors = Object.keys(form.errors).length > 0
  return (
    <details class="change-email" open={hasErrors}>
      <summary>Change your email address</summary>
      <p class="muted">
        You will sign in with the new address, and must confirm it with the link we send there.
      </p>
      <ErrorSummary errors={form.errors} labels={emailLabels} />
      <form method="post" action="/account/profile/email" novalidate>
        <CsrfField token={props.csrf} />
        <InputField
          id="new-email"
          name="email"
          label={emailLabels.email}
          type="email"
          value={form.email}
          error={form.errors.email}
          required
          autocomplete="email"
          spellcheck={false}
          maxlength={254}
        />
        <InputField
          id="email-password"
          name="password"
          label={emailLabels.password}
          type="password"
          error={form.errors.password}
          required
          autocomplete="current-password"
        />
        {form.twoFactorOn ? <StepUpCodeField id="email-code" error={form.errors.code} /> : null}
        <Button variant="secondary">Change email address</Button>
      </form>
    </details>
  )
}

interface PhoneForm {
  /** The code as typed (kept when the form comes back with errors). */
  code: string
  errors: Record<string, string>
}

const noPhoneForm: PhoneForm = { code: '', errors: {} }

const phoneLabels = { code: 'Code from the text message' }

function PhoneVerification(props: { csrf: string; profile: accounts.Profile; form: PhoneForm }) {
  const { profile, form } = props
  if (!profile.phone) return <p class="muted">Add your mobile number under “Your details” to verify it.</p>
  if (profile.phoneVerifiedAt) {
    return (
      <p class="account-email">
        <strong>{profile.phone}</strong> <Badge tone="verified">Verified</Badge>
      </p>
    )
  }
  return (
    <>
      <ErrorSummary errors={form.errors} labels={phoneLabels} />
      <form method="post" action="/account/profile/phone/send">
        <CsrfField token={props.csrf} />
        <p class="account-email">
          <strong>{profile.phone}</strong> <Badge>Not verified</Badge>
        </p>
        <p>Not verified — send a code. We text a 6-digit code to this number; it works for 10 minutes.</p>
        <Button variant="secondary">Send a code</Button>
      </form>
      <form method="post" action="/account/profile/phone/confirm" novalidate>
        <CsrfField token={props.csrf} />
        <InputField
          name="code"
          label={phoneLabels.code}
          hint="The 6 digits from the text message we sent you."
          value={form.code}
          error={form.errors.code}
          required
          autocomplete="one-time-code"
          inputmode="numeric"
          maxlength={7}
          spellcheck={false}
          class="field-short"
        />
        <Button variant="secondary">Verify the number</Button>
      </form>
    </>
  )
}

type Version = Awaited<ReturnType<typeof accounts.listProfileHistory>>[number]

function HistoryPage(props: { ctx: PageContext; userId: string; versions: Version[] }) {
  return (
    <AccountShell
      ctx={props.ctx}
      title="Profile history"
      section="history"
      lead="Every version of your profile, newest first: what changed, from what to what, when, and who made the change."
    >
      {props.versions.length === 0 ? (
        <EmptyState title="No versions yet" icon="box" />
      ) : (
        <ol class="history">
          {props.versions.map((v) => (
            <li key={v.version} class="history-version">
              <div class="history-head">
                <h2>Version {v.version}</h2>
                <p class="muted">
                  <DateTime date={v.changedAt} /> · by {changedByLabel(v.changedBy, props.userId)}
                  {v.version === 1 ? ' · when the account was created' : ''}
                </p>
              </div>
              <ul class="history-changes">
                {v.changes.map((c) => (
                  <li key={c.field}>
                    <span class="history-field">{labels[c.field] ?? c.field}:</span>{' '}
                    <span class={c.from ? 'history-old' : 'history-old history-none'}>
                      {shown(c.field, c.from)}
                    </span>
                    <span class="history-arrow" aria-hidden="true">
                      {' → '}
                    </span>
                    <span class="visually-hidden"> changed to </span>
                    <span class="history-new">{shown(c.field, c.to)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </AccountShell>
  )
}

function shown(field: string, value: string | null): string {
  if (value === null || value === '') return '(empty)'
  if (field === 'gender') return genderLabels[value as keyof typeof genderLabels] ?? value
  return value
}
