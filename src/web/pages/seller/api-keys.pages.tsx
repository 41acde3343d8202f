import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import * as catalog from '../../../modules/catalog/index.ts'
import { sendPage } from '../../render.tsx'
import {
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
  StepUpCodeField,
  stepUpCodeLabel,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { Button, Card, Flash, Table } from '../../views/ui.tsx'
import {
  formBody,
  formProblem,
  noStore,
  redirectWithFlash,
  takeFlash,
  text,
} from '../account/account-frame.ts'
import { mustBeSeller, SellerShell, sellerOf } from './seller-frame.tsx'

// API keys for the seller API: make one (after the password, and a code when two-factor sign-in is
// on; shown once, on the response to the form), see when each was last used, revoke.

export function sellerApiKeyPages(server: FastifyInstance, app: App) {
  const guard = { preHandler: mustBeSeller(app) }

  server.get('/seller/api-keys', guard, async (request, reply) => {
    return showKeys(app, request, reply, { flash: takeFlash(request, reply, app) })
  })

  server.post('/seller/api-keys', guard, async (request, reply) => {
    const body = formBody(request)
    const name = text(body, 'name')
    try {
      const created = await catalog.issueApiKey(app.db, app.accountsDeps, sellerOf(request), {
        name,
        password: text(body, 'password'),
        code: text(body, 'code'),
      })
      // The key is shown on this response only; it is not stored anywhere we could show it from again.
      return showKeys(app, request, reply, { newKey: { name: created.summary.name, key: created.key } }, 201)
    } catch (error) {
      const problem = formProblem(error, {
        invalid_key_name: 'name',
        too_many_keys: 'name',
        invalid_credentials: 'password',
      })
      if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
      return showKeys(app, request, reply, { name, errors: problem.fields }, problem.status)
    }
  })

  server.post<{ Params: { id: string } }>('/seller/api-keys/:id/revoke', guard, async (request, reply) => {
    await catalog.revokeApiKey(app.db, sellerOf(request), request.params.id)
    return redirectWithFlash(reply, app, '/seller/api-keys', {
      kind: 'success',
      text: 'The key is revoked. Systems using it are refused from now on.',
    })
  })
}

const labels = {
  name: 'Name',
  password: 'Your password',
  code: stepUpCodeLabel,
}

interface KeysState {
  flash?: FlashMessage | null
  newKey?: { name: string; key: string }
  name?: string
  errors?: Record<string, string>
}

async function showKeys(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  state: KeysState,
  status = 200,
) {
  const seller = sellerOf(request)
  const [keys, twoFactor] = await Promise.all([
    catalog.listApiKeys(app.db, seller),
    accounts.twoFactorStatus(app.db, seller.userId),
  ])
  noStore(reply)
  return sendPage(
    reply,
    <KeysPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      keys={keys}
      state={state}
      twoFactorOn={twoFactor.enabled}
    />,
    status,
  )
}

function KeysPage(props: {
  ctx: PageContext
  csrf: string
  keys: catalog.ApiKeySummary[]
  state: KeysState
  twoFactorOn: boolean
}) {
  const { state } = props
  const errors = state.errors ?? {}
  return (
    <SellerShell
      ctx={props.ctx}
      title="API keys"
      section="api-keys"
      flash={state.flash}
      lead={
        <>
          Let your own systems (ERP, inventory) manage your products through the{' '}
          <a href="/api/docs">seller API</a>. Send the key as <code>Authorization: Bearer mk_…</code>. Anyone
          with a key can change your listings: keep it secret and revoke keys you no longer use.
        </>
      }
    >
      {state.newKey ? (
        <Flash kind="success" title={`Key “${state.newKey.name}” is ready`}>
          <p>Copy it now. We store only a fingerprint of it, so we cannot show it again.</p>
          <p>
            <label for="new-key" class="field-label">
              Your new key
            </label>
            <input
              id="new-key"
              class="input secret seller-key"
              readonly
              value={state.newKey.key}
              spellcheck={false}
            />
          </p>
        </Flash>
      ) : null}
      <Card title="Make a key">
        <ErrorSummary errors={errors} labels={labels} />
        <form method="post" action="/seller/api-keys" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            name="name"
            label="Name"
            value={state.name ?? ''}
            error={errors.name}
            required
            maxlength={80}
            hint="The system that will use it, like “Tally sync”."
          />
          <InputField
            name="password"
            label={labels.password}
            type="password"
            error={errors.password}
            required
            autocomplete="current-password"
            hint="A key can change every listing, so we check it is you."
          />
          {props.twoFactorOn ? <StepUpCodeField error={errors.code} /> : null}
          <Button>Make key</Button>
        </form>
      </Card>
      <Card title="Your keys">
        {props.keys.length === 0 ? (
          <p class="muted">No keys yet.</p>
        ) : (
          <Table
            caption="Your keys"
            head={['Name', 'Starts with', 'Made', 'Last used', 'Action']}
            rows={props.keys.map((k) => [
              k.name,
              <code key="p">{k.prefix}…</code>,
              <DateTime key="c" date={k.createdAt} />,
              k.lastUsedAt ? <DateTime key="l" date={k.lastUsedAt} /> : 'Never',
              k.revokedAt ? (
                <span key="r" class="muted">
                  Revoked
                </span>
              ) : (
                <form key="r" method="post" action={`/seller/api-keys/${k.id}/revoke`} class="inline-form">
                  <CsrfField token={props.csrf} />
                  <button type="submit" class="btn btn-secondary btn-small">
                    Revoke<span class="visually-hidden"> {k.name}</span>
                  </button>
                </form>
              ),
            ])}
          />
        )}
      </Card>
    </SellerShell>
  )
}
