import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { sendPage } from '../../render.tsx'
import { safeNext } from '../../safe-next.ts'
import { clearSessionCookie, setSessionCookie, signInContext } from '../../session.ts'
import {
  AuthShell,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  type FlashMessage,
  InputField,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Card, Flash } from '../../views/ui.tsx'
import {
  checked,
  formBody,
  formProblem,
  noStore,
  redirectWithFlash,
  takeFlash,
  text,
} from './account-frame.ts'

const labels = { email: 'Email address', password: 'Password', totp: 'Code from your authenticator app' }

interface SignInForm {
  email: string
  sharedDevice: boolean
  next: string
  /** Shown once the password was right and the account asks for a second factor. */
  askTotp: boolean
  errors: Record<string, string>
}

/** Sign in, sign out, and sign out of every device. */
export function signInPages(server: FastifyInstance, app: App) {
  server.get<{ Querystring: { next?: string } }>('/account/sign-in', async (request, reply) => {
    const next = safeNext(request.query.next, '/account')
    if (request.session) return reply.redirect(next, 303)
    noStore(reply)
    const form: SignInForm = { email: '', sharedDevice: false, next, askTotp: false, errors: {} }
    return sendPage(
      reply,
      <SignInPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        form={form}
        flash={takeFlash(request, reply, app)}
      />,
    )
  })

  server.post('/account/sign-in', async (request, reply) => {
    const body = formBody(request)
    const form: SignInForm = {
      email: text(body, 'email'),
      sharedDevice: checked(body, 'sharedDevice'),
      next: safeNext(text(body, 'next'), '/account'),
      askTotp: checked(body, 'askTotp'),
      errors: {},
    }
    const totp = text(body, 'totp').trim()
    try {
      const { session } = await accounts.signIn(
        app.db,
        app.accountsDeps,
        {
          email: form.email,
          password: text(body, 'password'),
          sharedDevice: form.sharedDevice,
          ...(totp ? { totp } : {}),
        },
        signInContext(request),
      )
      setSessionCookie(reply, app, session)
      return reply.redirect(form.next, 303)
    } catch (error) {
      const problem = formProblem(error)
      let flash: FlashMessage | null = null
      const code = problem.code
      if (code === 'totp_required' || code === 'invalid_totp' || code === 'totp_reused') {
        form.askTotp = true
        form.errors = code === 'totp_required' ? {} : { totp: problem.message }
        flash = {
          kind: 'info',
          text: 'Your password was right. This account has two-factor sign-in: enter your password again with the 6-digit code from your app, or one of your recovery codes.',
        }
      } else if (problem.status === 429) {
        if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
        flash = { kind: 'error', text: problem.message }
      } else {
        form.errors = problem.fields
      }
      noStore(reply)
      return sendPage(
        reply,
        <SignInPage ctx={pageContext(request)} csrf={csrfToken(reply)} form={form} flash={flash} />,
        problem.status,
      )
    }
  })

  // The header's sign-out button is a form; this page is the fallback when a page could not carry one.
  server.get('/account/sign-out', async (request, reply) => {
    if (!request.session) return reply.redirect('/account/sign-in', 303)
    noStore(reply)
    return sendPage(reply, <SignOutPage ctx={pageContext(request)} csrf={csrfToken(reply)} />)
  })

  server.post('/account/sign-out', async (request, reply) => {
    if (request.session)
      await accounts.revokeSession(app.db, request.session.user.id, request.session.sessionId)
    clearSessionCookie(reply, app)
    return redirectWithFlash(reply, app, '/account/sign-in', {
      kind: 'success',
      text: 'You have signed out.',
    })
  })

  server.post('/account/sign-out-everywhere', async (request, reply) => {
    if (request.session)
      await accounts.revokeAllSessions(app.db, request.session.user.id, 'signed_out_everywhere')
    clearSessionCookie(reply, app)
    return redirectWithFlash(reply, app, '/account/sign-in', {
      kind: 'success',
      text: 'You have signed out on every device and browser, including this one.',
    })
  })
}

function SignInPage(props: { ctx: PageContext; csrf: string; form: SignInForm; flash: FlashMessage | null }) {
  const { form } = props
  return (
    <AuthShell ctx={props.ctx} title="Sign in to Mandi" flash={props.flash}>
      <Card>
        <ErrorSummary errors={form.errors} labels={labels} />
        <form method="post" action="/account/sign-in" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="next" value={form.next} />
          {form.askTotp ? <input type="hidden" name="askTotp" value="yes" /> : null}
          <InputField
            name="email"
            label={labels.email}
            type="email"
            value={form.email}
            error={form.errors.email}
            required
            autocomplete="username"
            spellcheck={false}
          />
          <InputField
            name="password"
            label={labels.password}
            type="password"
            error={form.errors.password}
            required
            autocomplete="current-password"
            autofocus={form.askTotp}
          />
          {form.askTotp ? (
            <InputField
              name="totp"
              label={labels.totp}
              hint="The 6-digit code your app shows now, or one of your recovery codes (like 1a2b3-c4d5e)."
              error={form.errors.totp}
              required
              autocomplete="one-time-code"
              inputmode="numeric"
              maxlength={11}
              spellcheck={false}
            />
          ) : null}
          <CheckboxField
            name="sharedDevice"
            label="This is a shared or public computer"
            checked={form.sharedDevice}
            description="You will be signed out after 30 minutes without activity (8 hours at most), and this browser will not remember you once it is closed."
          />
          <Button class="btn-block btn-large">Sign in</Button>
          <p class="field-hint">{accounts.signInLockNotice()}</p>
        </form>
        <ul class="auth-links">
          <li>
            <a href="/account/forgot-password">Forgot your password?</a>
          </li>
          <li>
            New to Mandi? <a href="/account/register">Create an account</a>
          </li>
        </ul>
      </Card>
    </AuthShell>
  )
}

function SignOutPage(props: { ctx: PageContext; csrf: string }) {
  return (
    <AuthShell ctx={props.ctx} title="Sign out">
      <Card>
        <p>Sign out of Mandi in this browser?</p>
        <form method="post" action="/account/sign-out" class="actions">
          <CsrfField token={props.csrf} />
          <Button>Sign out</Button>
          <ButtonLink href="/account" variant="secondary">
            Stay signed in
          </ButtonLink>
        </form>
        <Flash kind="info">
          To end every session, on every device, use “Sign out of all devices” on{' '}
          <a href="/account/security">Sign-in and security</a>.
        </Flash>
      </Card>
    </AuthShell>
  )
}
