import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { sendPage } from '../../render.tsx'
import { clearSessionCookie, signInContext } from '../../session.ts'
import {
  AuthShell,
  CsrfField,
  ErrorSummary,
  type FlashMessage,
  InputField,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Card } from '../../views/ui.tsx'
import { formBody, formProblem, noStore, redirectWithFlash, takeFlash, text } from './account-frame.ts'

/** "Forgot your password?" and the page the emailed reset link opens. */
export function passwordPages(server: FastifyInstance, app: App) {
  server.get('/account/forgot-password', async (request, reply) => {
    noStore(reply)
    return sendPage(
      reply,
      <ForgotPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        email=""
        flash={takeFlash(request, reply, app)}
        errors={{}}
      />,
    )
  })

  server.post('/account/forgot-password', async (request, reply) => {
    const email = text(formBody(request), 'email').trim().slice(0, 254)
    const again = (errors: Record<string, string>, status: number) => {
      noStore(reply)
      return sendPage(
        reply,
        <ForgotPage ctx={pageContext(request)} csrf={csrfToken(reply)} email={email} errors={errors} />,
        status,
      )
    }
    if (!email) return again({ email: 'Enter the email address you registered with.' }, 400)
    try {
      await accounts.requestPasswordReset(app.db, app.accountsDeps, email, signInContext(request))
    } catch (error) {
      const problem = formProblem(error)
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      return again(problem.fields, problem.status)
    }
    await request.server.jobs.send('messaging.deliver')
    // The same answer whether or not the address has an account, so this form tells no one who is registered.
    return redirectWithFlash(reply, app, '/account/forgot-password', {
      kind: 'success',
      text: 'If this address has a Mandi account, a link to choose a new password is on its way. It works for 30 minutes. Check your spam folder if it does not arrive.',
    })
  })

  server.get<{ Querystring: { token?: string } }>('/account/reset-password', async (request, reply) => {
    noStore(reply)
    const token = typeof request.query.token === 'string' ? request.query.token.slice(0, 200) : ''
    return sendPage(
      reply,
      <ResetPage ctx={pageContext(request)} csrf={csrfToken(reply)} token={token} errors={{}} />,
    )
  })

  server.post('/account/reset-password', async (request, reply) => {
    const body = formBody(request)
    const token = text(body, 'token').slice(0, 200)
    try {
      await accounts.resetPassword(app.db, app.accountsDeps, token, text(body, 'newPassword'))
      // Every session was ended, this browser's included.
      clearSessionCookie(reply, app)
      return redirectWithFlash(reply, app, '/account/sign-in', {
        kind: 'success',
        text: 'Your password has been changed and every device was signed out. Sign in with your new password.',
      })
    } catch (error) {
      const problem = formProblem(error)
      noStore(reply)
      if (problem.code === 'link_expired' || !token) {
        return sendPage(
          reply,
          <ExpiredResetPage ctx={pageContext(request)} message={problem.message} />,
          problem.status,
        )
      }
      return sendPage(
        reply,
        <ResetPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          token={token}
          errors={problem.fields}
        />,
        problem.status,
      )
    }
  })
}

function ForgotPage(props: {
  ctx: PageContext
  csrf: string
  email: string
  errors: Record<string, string>
  flash?: FlashMessage | null
}) {
  return (
    <AuthShell
      ctx={props.ctx}
      title="Reset your password"
      lead="Enter the email address you registered with, and we will send you a link to choose a new password."
      flash={props.flash}
    >
      <Card>
        <ErrorSummary errors={props.errors} labels={{ email: 'Email address' }} />
        <form method="post" action="/account/forgot-password" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            name="email"
            label="Email address"
            type="email"
            value={props.email}
            error={props.errors.email}
            required
            autocomplete="email"
            spellcheck={false}
          />
          <Button class="btn-block btn-large">Send reset link</Button>
        </form>
        <ul class="auth-links">
          <li>
            Remembered it? <a href="/account/sign-in">Sign in</a>
          </li>
        </ul>
      </Card>
    </AuthShell>
  )
}

function ResetPage(props: { ctx: PageContext; csrf: string; token: string; errors: Record<string, string> }) {
  if (!props.token) {
    return (
      <ExpiredResetPage
        ctx={props.ctx}
        message="This page needs the link from your email. Ask for a new one."
      />
    )
  }
  return (
    <AuthShell
      ctx={props.ctx}
      title="Choose a new password"
      lead="Changing your password signs you out on every device."
    >
      <Card>
        <ErrorSummary errors={props.errors} labels={{ newPassword: 'New password' }} />
        <form method="post" action="/account/reset-password" novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="token" value={props.token} />
          <InputField
            name="newPassword"
            label="New password"
            type="password"
            error={props.errors.newPassword}
            required
            minlength={accounts.MIN_PASSWORD_LENGTH}
            autocomplete="new-password"
            hint={`At least ${accounts.MIN_PASSWORD_LENGTH} characters.`}
          />
          <Button class="btn-block btn-large">Change password</Button>
        </form>
      </Card>
    </AuthShell>
  )
}

function ExpiredResetPage(props: { ctx: PageContext; message: string }) {
  return (
    <AuthShell ctx={props.ctx} title="This link has expired">
      <Card>
        <p>{props.message}</p>
        <p>
          Reset links work once, for 30 minutes, so that an old email cannot be used to take over your
          account.
        </p>
        <ButtonLink href="/account/forgot-password">Send a new link</ButtonLink>
      </Card>
    </AuthShell>
  )
}
