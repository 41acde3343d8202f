import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { sendPage } from '../../render.tsx'
import { safeNext } from '../../safe-next.ts'
import { signInContext } from '../../session.ts'
import { AuthShell, CsrfField } from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Card, Flash } from '../../views/ui.tsx'
import {
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  text,
  formBody,
} from './account-frame.ts'

type Outcome = 'verified' | 'other_address' | 'expired'

/** The page the emailed confirmation link opens, and "send me a new link". */
export function verifyEmailPages(server: FastifyInstance, app: App) {
  server.get<{ Querystring: { token?: string } }>('/account/verify-email', async (request, reply) => {
    noStore(reply)
    const token = typeof request.query.token === 'string' ? request.query.token.slice(0, 200) : ''
    let outcome: Outcome = 'expired'
    let message = 'This confirmation link is incomplete. Use the newest link we emailed you.'
    if (token) {
      try {
        outcome = (await accounts.verifyEmail(app.db, token)).verified ? 'verified' : 'other_address'
      } catch (error) {
        message = formProblem(error).message
      }
    }
    const csrf = request.session ? csrfToken(reply) : null
    return sendPage(
      reply,
      <VerifyPage ctx={pageContext(request)} outcome={outcome} message={message} csrf={csrf} />,
      outcome === 'expired' ? 400 : 200,
    )
  })

  server.post('/account/verify-email/resend', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const back = safeNext(text(formBody(request), 'back'), '/account')
    try {
      await accounts.resendVerificationEmail(app.db, app.accountsDeps, user, signInContext(request))
    } catch (error) {
      const problem = formProblem(error)
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      noStore(reply)
      return sendPage(
        reply,
        <AuthShell ctx={pageContext(request)} title="Please wait a little">
          <Flash kind="error">{problem.message}</Flash>
          <ButtonLink href={back}>Back</ButtonLink>
        </AuthShell>,
        problem.status,
      )
    }
    await request.server.jobs.send('messaging.deliver')
    return redirectWithFlash(reply, app, back, {
      kind: 'success',
      text: `A new confirmation link is on its way to ${user.email}. It works for 48 hours.`,
    })
  })
}

function VerifyPage(props: { ctx: PageContext; outcome: Outcome; message: string; csrf: string | null }) {
  if (props.outcome === 'verified') {
    return (
      <AuthShell ctx={props.ctx} title="Email address confirmed">
        <Flash kind="success">Thank you. Your email address is confirmed.</Flash>
        <p>
          You can now send enquiries and post buy requirements once your mobile number is on your profile.
        </p>
        <ButtonLink href={props.ctx.account ? '/account' : '/account/sign-in'}>
          {props.ctx.account ? 'Go to my account' : 'Sign in'}
        </ButtonLink>
      </AuthShell>
    )
  }
  const title =
    props.outcome === 'other_address' ? 'This link is for an old address' : 'This link has expired'
  return (
    <AuthShell ctx={props.ctx} title={title}>
      <Card>
        <p>
          {props.outcome === 'other_address'
            ? 'You have changed your email address since this link was sent, so it confirms nothing. Use the link we sent to your new address.'
            : props.message}
        </p>
        {props.csrf ? (
          <form method="post" action="/account/verify-email/resend">
            <CsrfField token={props.csrf} />
            <input type="hidden" name="back" value="/account" />
            <Button>Send a new confirmation link</Button>
          </form>
        ) : (
          <p>
            <a href="/account/sign-in?next=%2Faccount">Sign in</a> to send yourself a new link.
          </p>
        )}
      </Card>
    </AuthShell>
  )
}
