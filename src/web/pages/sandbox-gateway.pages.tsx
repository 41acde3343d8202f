import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'
import * as payments from '../../modules/payments/index.ts'
import { formatRupees } from '../../shared/format.ts'
import { sendPage } from '../render.tsx'
import { CsrfField } from '../views/account-components.tsx'
import { Layout } from '../views/layout.tsx'
import { csrfToken, pageContext } from '../views/page-context.ts'
import { Button, Flash, KeyValueTable } from '../views/ui.tsx'

const refPattern = /^sbx_[0-9a-f]{24}$/

interface TestFlags {
  duplicates: number
  outOfOrder: boolean
  delaySeconds: number
}

/**
 * The bundled sandbox gateway's hosted page: what Razorpay's or Stripe's checkout is in
 * production, clearly labelled as a test. It works without JavaScript: each button posts the form,
 * the choice is recorded once, the signed webhooks are queued (sent by the worker, with retries)
 * and the payer is sent back to the shop. Query flags ask for harder webhook traffic:
 * `?duplicates=3` (copies of each event), `?out_of_order=1` (a stale "pending" after the final
 * event) and `?delay=30` (seconds before "Pay after a delay" is confirmed). Off in production (404),
 * like the dev mailbox: test payments must never settle a real order.
 */
export function sandboxGatewayPages(server: FastifyInstance, app: App) {
  server.get<{ Params: { ref: string }; Querystring: Record<string, string | undefined> }>(
    '/sandbox-gateway/pay/:ref',
    async (request, reply) => {
      const session =
        app.config.payments.sandboxEnabled && refPattern.test(request.params.ref)
          ? await payments.findSandboxSession(app.db, request.params.ref)
          : null
      if (!session) return sendMissing(reply, request)
      const flags = readFlags(request.query)
      const ctx = pageContext(request)
      return sendPage(
        reply,
        <Layout ctx={ctx} title="Sandbox payment (test)" noindex>
          <div class="container page-narrow prose">
            <Flash kind="info" title="Test gateway — no real money moves">
              This is Mandi’s built-in sandbox payment gateway, for trying the checkout. No card or bank
              details are asked for and nothing is charged.
            </Flash>
            <h1>Pay {formatRupees(session.amountPaise)}</h1>
            <KeyValueTable
              rows={[
                { name: 'Merchant', value: app.config.operator.name },
                { name: 'Amount', value: formatRupees(session.amountPaise) },
                { name: 'Payment reference', value: session.ref },
              ]}
            />
            {session.status === 'open' ? (
              <form method="post" action={`/sandbox-gateway/pay/${session.ref}`}>
                <CsrfField token={csrfToken(reply)} />
                <input type="hidden" name="duplicates" value={String(flags.duplicates)} />
                <input type="hidden" name="out_of_order" value={flags.outOfOrder ? '1' : '0'} />
                <input type="hidden" name="delay" value={String(flags.delaySeconds)} />
                <p>Choose what this test payment should do:</p>
                <p>
                  <Button name="decision" value="pay">
                    Pay {formatRupees(session.amountPaise)}
                  </Button>{' '}
                  <Button name="decision" value="fail" variant="secondary">
                    Fail the payment
                  </Button>{' '}
                  <Button name="decision" value="pay_later" variant="secondary">
                    Pay after a delay ({flags.delaySeconds} s)
                  </Button>
                </p>
              </form>
            ) : (
              <>
                <p>
                  This test payment was already {session.status === 'paid' ? 'paid' : 'failed'}. Nothing more
                  to do here.
                </p>
                <p>
                  <a href={session.returnUrl}>Return to the shop</a>
                </p>
              </>
            )}
          </div>
        </Layout>,
      )
    },
  )

  server.post<{ Params: { ref: string }; Body: Record<string, string | undefined> }>(
    '/sandbox-gateway/pay/:ref',
    async (request, reply) => {
      const body = request.body ?? {}
      const decision = body.decision
      if (decision !== 'pay' && decision !== 'fail' && decision !== 'pay_later') {
        const ctx = pageContext(request)
        return sendPage(
          reply,
          <Layout ctx={ctx} title="Sandbox payment (test)" noindex>
            <div class="container page-narrow prose">
              <Flash kind="error" title="Choose one of the buttons">
                Go back and press Pay, Fail the payment or Pay after a delay.
              </Flash>
            </div>
          </Layout>,
          400,
        )
      }
      const flags = readFlags(body)
      const decided =
        app.config.payments.sandboxEnabled && refPattern.test(request.params.ref)
          ? await payments.decideSandboxPayment(app.db, request.params.ref, decision, flags)
          : null
      if (!decided) return sendMissing(reply, request)
      if (decided.decided) await request.server.jobs.send('payments.sandbox-webhooks')
      return reply.redirect(decided.returnUrl, 303)
    },
  )
}

function readFlags(source: Record<string, string | undefined>): TestFlags {
  const whole = (value: string | undefined, max: number, fallback: number) => {
    const n = Number.parseInt(value ?? '', 10)
    return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : fallback
  }
  return {
    duplicates: whole(source.duplicates, 20, 0),
    outOfOrder: source.out_of_order === '1' || source.out_of_order === 'true',
    delaySeconds: whole(source.delay, 600, 30),
  }
}

function sendMissing(reply: Parameters<typeof sendPage>[0], request: Parameters<typeof pageContext>[0]) {
  const ctx = pageContext(request)
  return sendPage(
    reply,
    <Layout ctx={ctx} title="No such test payment" noindex>
      <div class="container page-narrow prose">
        <h1>No such test payment</h1>
        <p>The sandbox gateway has no payment with this reference. Start the payment again from the shop.</p>
      </div>
    </Layout>,
    404,
  )
}
