import type { FastifyInstance } from 'fastify'
import type { App } from '../../../app.ts'
import * as flows from '../../../flows/index.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { sendPage } from '../../render.tsx'
import { clearSessionCookie } from '../../session.ts'
import {
  AccountShell,
  AuthShell,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  InputField,
  StepUpCodeField,
  stepUpCodeLabel,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, ButtonLink, Card } from '../../views/ui.tsx'
import { checked, formBody, formProblem, mustSignIn, noStore, sessionOf, text } from './account-frame.ts'

const labels = {
  password: 'Your password',
  code: stepUpCodeLabel,
  confirm: 'I understand that my account and data will be erased, apart from what the law makes Mandi keep',
}

/**
 * Erasing the account: what will happen (generated from the data inventory's erasure rules and
 * legal holds), then the password, a code with two-factor sign-in on, and a confirmation box.
 */
export function eraseAccountPages(server: FastifyInstance, app: App) {
  server.get('/account/privacy/erase', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    noStore(reply)
    return sendPage(
      reply,
      <EraseAccountPage
        ctx={pageContext(request)}
        csrf={csrfToken(reply)}
        twoFactorOn={(await accounts.twoFactorStatus(app.db, user.id)).enabled}
        confirmed={false}
        errors={{}}
      />,
    )
  })

  server.post('/account/privacy/erase', { preHandler: mustSignIn }, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    const confirmed = checked(body, 'confirm')
    try {
      const erasure = await flows.requestErasure(
        app.db,
        app.accountsDeps,
        user.id,
        { password: text(body, 'password'), code: text(body, 'code') },
        confirmed ? {} : { confirm: 'Tick the box to confirm that you want your account erased.' },
      )
      await request.server.jobs.send('privacy.erase', { erasureId: erasure.id })
    } catch (error) {
      const problem = formProblem(error, { invalid_credentials: 'password' })
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      noStore(reply)
      return sendPage(
        reply,
        <EraseAccountPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          twoFactorOn={(await accounts.twoFactorStatus(app.db, user.id)).enabled}
          confirmed={confirmed}
          errors={problem.fields}
        />,
        problem.status,
      )
    }
    // Every session ended with the request; this browser forgets its cookie too.
    clearSessionCookie(reply, app)
    return reply.redirect('/account/privacy/erase/requested', 303)
  })

  server.get('/account/privacy/erase/requested', async (request, reply) => {
    noStore(reply)
    return sendPage(reply, <ErasureRequestedPage ctx={pageContext(request)} />)
  })
}

function PlanList(props: { items: flows.ErasurePlanItem[] }) {
  return (
    <ul>
      {props.items.map((item) => (
        <li key={item.description}>{item.description}</li>
      ))}
    </ul>
  )
}

function EraseAccountPage(props: {
  ctx: PageContext
  csrf: string
  twoFactorOn: boolean
  confirmed: boolean
  errors: Record<string, string>
}) {
  const plan = flows.erasurePlan()
  return (
    <AccountShell
      ctx={props.ctx}
      title="Erase your account"
      section="privacy"
      lead="Your account closes and your personal data is erased. This cannot be undone. Read what happens first."
    >
      <section class="card" aria-labelledby="erase-what-title">
        <h2 class="card-title" id="erase-what-title">
          What happens
        </h2>
        <p>
          You are signed out everywhere at once, your API keys stop working, contact details you shared with
          sellers stop being shown, and your products are taken off the site. Within a few minutes we then:
        </p>
        <h3>Erase</h3>
        <PlanList items={plan.erased} />
        <h3>Replace with a meaningless value</h3>
        <p class="muted">
          So that conversations the other party keeps still read: your name shows as “Erased user”.
        </p>
        <PlanList items={plan.replaced} />
        <h3>Keep, because the law requires it</h3>
        <p class="muted">
          These are no longer linked to your account, only to a meaningless reference we email you, and are
          deleted when the time runs out.
        </p>
        <table class="table">
          <caption>What we keep, why, and until when</caption>
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Why</th>
              <th scope="col">Until</th>
            </tr>
          </thead>
          <tbody>
            {plan.held.map((item) => (
              <tr key={item.description}>
                <td data-label="What">{item.description}</td>
                <td data-label="Why">{item.reason}</td>
                <td data-label="Until">{item.until}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          We email you, at your account’s address, what was erased and what was kept. You can register again
          with the same email address afterwards.
        </p>
      </section>

      <Card title="Confirm it is you" id="erase-confirm">
        <ErrorSummary errors={props.errors} labels={labels} />
        <form method="post" action="/account/privacy/erase" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            name="password"
            label={labels.password}
            type="password"
            error={props.errors.password}
            required
            autocomplete="current-password"
          />
          {props.twoFactorOn ? <StepUpCodeField error={props.errors.code} /> : null}
          <CheckboxField
            name="confirm"
            label={labels.confirm}
            checked={props.confirmed}
            error={props.errors.confirm}
            required
          />
          <Button>Erase my account</Button>
        </form>
        <p>
          <a href="/account/privacy">Keep my account</a>
        </p>
      </Card>
    </AccountShell>
  )
}

function ErasureRequestedPage(props: { ctx: PageContext }) {
  return (
    <AuthShell ctx={props.ctx} title="Your account is being erased">
      <Card>
        <p>You are signed out on every device. Within a few minutes your account and data are erased.</p>
        <p>
          We will email you what was erased and what the law made us keep. If you have a question, write to{' '}
          <a href="/grievance">our grievance officer</a>.
        </p>
        <ButtonLink href="/">Go to the home page</ButtonLink>
      </Card>
    </AuthShell>
  )
}
