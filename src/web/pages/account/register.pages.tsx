import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as privacy from '../../../modules/privacy/index.ts'
import { sendPage } from '../../render.tsx'
import { setSessionCookie, signInContext } from '../../session.ts'
import {
  AuthShell,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  InputField,
  SelectField,
  whyWeAsk,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, Card } from '../../views/ui.tsx'
import {
  checked,
  formBody,
  formProblem,
  noStore,
  optional,
  redirectWithFlash,
  text,
} from './account-frame.ts'

/** The optional purposes offered at sign-up, each its own unticked box. */
const signupConsents = ['marketing_email', 'personalisation'] as const satisfies readonly privacy.Purpose[]

export const genderLabels: Record<(typeof accounts.genders)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Another gender',
  prefer_not_to_say: 'Prefer not to say',
}

const labels: Record<string, string> = {
  name: 'Full name',
  email: 'Email address',
  phone: 'Mobile number',
  password: 'Password',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  isAdultBusinessUser: 'Declaration',
}

interface RegisterForm {
  values: { name: string; email: string; phone: string; dateOfBirth: string; gender: string }
  declared: boolean
  consents: Record<(typeof signupConsents)[number], boolean>
  errors: Record<string, string>
  /**
   * The password typed, only when re-rendering the form in the answer to its own POST (a no-store
   * page), so that correcting another field does not mean typing it again. Never stored.
   */
  password?: string
}

const emptyForm: RegisterForm = {
  values: { name: '', email: '', phone: '', dateOfBirth: '', gender: '' },
  declared: false,
  consents: { marketing_email: false, personalisation: false },
  errors: {},
}

/** Creating an account: the form, and on success a session and the "confirm your email" message. */
export function registerPages(server: FastifyInstance, app: App) {
  server.get('/account/register', async (request, reply) => {
    if (request.session) return reply.redirect('/account', 303)
    noStore(reply)
    return sendPage(
      reply,
      <RegisterPage ctx={pageContext(request)} csrf={csrfToken(reply)} form={emptyForm} />,
    )
  })

  server.post('/account/register', async (request, reply) => {
    const body = formBody(request)
    const form: RegisterForm = {
      values: {
        name: text(body, 'name'),
        email: text(body, 'email'),
        phone: text(body, 'phone'),
        dateOfBirth: text(body, 'dateOfBirth'),
        gender: text(body, 'gender'),
      },
      declared: checked(body, 'isAdultBusinessUser'),
      consents: {
        marketing_email: checked(body, 'consents.marketing_email'),
        personalisation: checked(body, 'consents.personalisation'),
      },
      errors: {},
    }
    const password = text(body, 'password')
    try {
      const user = await accounts.register(app.db, app.accountsDeps, {
        email: form.values.email,
        password,
        name: form.values.name,
        phone: form.values.phone,
        dateOfBirth: optional(body, 'dateOfBirth'),
        gender: optional(body, 'gender'),
        isAdultBusinessUser: form.declared,
        consents: form.consents,
      })
      await request.server.jobs.send('messaging.deliver')
      const session = await accounts.createSession(app.db, {
        userId: user.id,
        sharedDevice: false,
        ...signInContext(request),
      })
      setSessionCookie(reply, app, session)
      return redirectWithFlash(reply, app, '/account', {
        kind: 'success',
        text: `Welcome to Mandi. Check your inbox to confirm your email: we have sent a link to ${user.email}.`,
      })
    } catch (error) {
      const problem = formProblem(error, {
        email_taken: 'email',
        invalid_phone: 'phone',
        weak_password: 'password',
      })
      noStore(reply)
      return sendPage(
        reply,
        <RegisterPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          form={{ ...form, errors: problem.fields, password }}
        />,
        problem.status,
      )
    }
  })
}

function RegisterPage(props: { ctx: PageContext; csrf: string; form: RegisterForm }) {
  const { values, errors } = props.form
  return (
    <AuthShell
      ctx={props.ctx}
      title="Create your Mandi account"
      lead="One account to enquire with sellers, post buy requirements and, when you are ready, sell."
      wide
    >
      <Card>
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action="/account/register" novalidate>
          <CsrfField token={props.csrf} />
          <fieldset class="form-section">
            <legend>About you</legend>
            <InputField
              name="name"
              label={labels.name!}
              value={values.name}
              error={errors.name}
              required
              autocomplete="name"
              maxlength={120}
              why={whyWeAsk('users', 'name')}
            />
            <InputField
              name="email"
              label={labels.email!}
              type="email"
              value={values.email}
              error={errors.email}
              required
              autocomplete="email"
              spellcheck={false}
              hint="We send a link to confirm it."
              why={whyWeAsk('users', 'email')}
            />
            <InputField
              name="phone"
              label={labels.phone!}
              type="tel"
              value={values.phone}
              error={errors.phone}
              required
              autocomplete="tel"
              inputmode="tel"
              hint="An Indian mobile number, like 98765 43210."
              why={whyWeAsk('users', 'phone')}
            />
            <InputField
              name="password"
              label={labels.password!}
              type="password"
              value={props.form.password}
              keepPassword
              error={errors.password}
              required
              minlength={accounts.MIN_PASSWORD_LENGTH}
              autocomplete="new-password"
              hint={`At least ${accounts.MIN_PASSWORD_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`}
              why={whyWeAsk('users', 'passwordHash')}
            />
          </fieldset>

          <fieldset class="form-section">
            <legend>Optional details</legend>
            <div class="form-row">
              <InputField
                name="dateOfBirth"
                label={labels.dateOfBirth!}
                type="date"
                value={values.dateOfBirth}
                error={errors.dateOfBirth}
                autocomplete="bday"
                why={whyWeAsk('users', 'dateOfBirth')}
              />
              <SelectField
                name="gender"
                label={labels.gender!}
                value={values.gender}
                error={errors.gender}
                options={[
                  { value: '', label: 'Not given' },
                  ...accounts.genders.map((g) => ({ value: g, label: genderLabels[g] })),
                ]}
                why={whyWeAsk('users', 'gender')}
              />
            </div>
          </fieldset>

          <fieldset class="form-section">
            <legend>Your choices</legend>
            <p class="field-hint">
              Both are off unless you tick them, and you can change them at any time in your Privacy centre.
            </p>
            {signupConsents.map((purpose) => (
              <CheckboxField
                key={purpose}
                name={`consents.${purpose}`}
                label={privacy.purposes[purpose].title}
                description={privacy.purposes[purpose].description}
                checked={props.form.consents[purpose]}
              />
            ))}
          </fieldset>

          <fieldset class="form-section">
            <legend>Declaration</legend>
            <CheckboxField
              name="isAdultBusinessUser"
              label="I am 18 or over and use Mandi for my business"
              checked={props.form.declared}
              error={errors.isAdultBusinessUser}
              required
              description="Mandi is a marketplace between businesses. We do not open accounts for children, so that their data is never collected."
            />
          </fieldset>

          <p class="form-note">
            By creating an account you agree to the <a href="/terms">terms of use</a>. Read how we handle your
            data in the <a href="/privacy">privacy notice</a>.
          </p>
          <Button class="btn-large">Create account</Button>
        </form>
        <p class="auth-switch">
          Already have an account? <a href="/account/sign-in">Sign in</a>
        </p>
      </Card>
    </AuthShell>
  )
}
