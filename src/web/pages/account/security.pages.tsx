import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../../app.ts'
import * as accounts from '../../../modules/accounts/index.ts'
import { describeDevice } from '../../device.ts'
import { sendPage } from '../../render.tsx'
import { clearSessionCookie } from '../../session.ts'
import {
  AccountShell,
  CsrfField,
  DateTime,
  ErrorSummary,
  type FlashMessage,
  InputField,
  StepUpCodeField,
  stepUpCodeLabel,
} from '../../views/account-components.tsx'
import { csrfToken, type PageContext, pageContext } from '../../views/page-context.ts'
import { QrCode } from '../../views/qr-code.tsx'
import { Badge, Button, ButtonLink, Card, Flash } from '../../views/ui.tsx'
import {
  type FormProblem,
  formBody,
  formProblem,
  mustSignIn,
  noStore,
  redirectWithFlash,
  sessionOf,
  takeFlash,
  text,
} from './account-frame.ts'

type ActiveSession = Awaited<ReturnType<typeof accounts.listActiveSessions>>[number]

interface SecurityErrors {
  password?: Record<string, string>
  start?: Record<string, string>
  disable?: Record<string, string>
}

const codeLabel = stepUpCodeLabel
const passwordLabels = { currentPassword: 'Current password', newPassword: 'New password', code: codeLabel }
const stepUpLabels = { password: 'Your password', code: codeLabel }

/** Password, where the person is signed in, and two-factor sign-in. */
export function securityPages(server: FastifyInstance, app: App) {
  const guarded = { preHandler: mustSignIn }

  server.get('/account/security', guarded, async (request, reply) =>
    showSecurity(app, request, reply, takeFlash(request, reply, app), {}),
  )

  server.post('/account/security/password', guarded, async (request, reply) => {
    const session = sessionOf(request)
    const body = formBody(request)
    try {
      const { signedOut } = await accounts.changePassword(app.db, app.accountsDeps, {
        userId: session.user.id,
        currentSessionId: session.sessionId,
        currentPassword: text(body, 'currentPassword'),
        newPassword: text(body, 'newPassword'),
        code: text(body, 'code'),
      })
      return redirectWithFlash(reply, app, '/account/security', {
        kind: 'success',
        text: `Your password is changed. ${signedOut === 1 ? '1 other session was' : `${signedOut} other sessions were`} signed out.`,
      })
    } catch (error) {
      const problem = formProblem(error, { weak_password: 'newPassword' })
      retryAfter(reply, problem)
      return showSecurity(app, request, reply, null, { password: problem.fields }, problem.status)
    }
  })

  server.post('/account/security/sessions/sign-out', guarded, async (request, reply) => {
    const session = sessionOf(request)
    const id = text(formBody(request), 'sessionId')
    // revokeSession only ever ends a session of this person: another person's id changes nothing.
    const ended = UUID.test(id) && (await accounts.revokeSession(app.db, session.user.id, id))
    if (ended && id === session.sessionId) {
      clearSessionCookie(reply, app)
      return redirectWithFlash(reply, app, '/account/sign-in', {
        kind: 'success',
        text: 'You have signed out.',
      })
    }
    return redirectWithFlash(
      reply,
      app,
      '/account/security#sessions',
      ended
        ? { kind: 'success', text: 'That device is signed out. It will have to sign in again.' }
        : { kind: 'error', text: 'That session had already ended, so nothing changed.' },
    )
  })

  // Needs the password (and a current code when two-factor sign-in is already on): otherwise anyone
  // holding a session could bind the second factor to their own phone.
  server.post('/account/security/two-factor/start', guarded, async (request, reply) => {
    const { user } = sessionOf(request)
    const body = formBody(request)
    try {
      const setup = await accounts.startTwoFactorSetup(app.db, app.accountsDeps, user.id, {
        password: text(body, 'password'),
        code: text(body, 'code'),
      })
      noStore(reply)
      return sendPage(
        reply,
        <TwoFactorSetupPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          setup={setup}
          error={undefined}
        />,
      )
    } catch (error) {
      const problem = formProblem(error, { invalid_credentials: 'password' })
      retryAfter(reply, problem)
      return showSecurity(app, request, reply, null, { start: problem.fields }, problem.status)
    }
  })

  server.post('/account/security/two-factor/confirm', guarded, async (request, reply) => {
    const { user } = sessionOf(request)
    noStore(reply)
    try {
      const { recoveryCodes } = await accounts.confirmTwoFactor(
        app.db,
        app.accountsDeps,
        user.id,
        text(formBody(request), 'code'),
      )
      return sendPage(reply, <RecoveryCodesPage ctx={pageContext(request)} codes={recoveryCodes} />)
    } catch (error) {
      const problem = formProblem(error, { invalid_totp: 'code' })
      if (problem.code === 'two_factor_not_started') {
        return redirectWithFlash(reply, app, '/account/security#two-factor', {
          kind: 'error',
          text: problem.message,
        })
      }
      return sendPage(
        reply,
        <TwoFactorSetupPage
          ctx={pageContext(request)}
          csrf={csrfToken(reply)}
          setup={null}
          error={problem.fields.code ?? problem.message}
        />,
        problem.status,
      )
    }
  })

  server.post('/account/security/two-factor/disable', guarded, async (request, reply) => {
    const { user } = sessionOf(request)
    try {
      const body = formBody(request)
      await accounts.disableTwoFactor(app.db, app.accountsDeps, user.id, {
        password: text(body, 'password'),
        code: text(body, 'code'),
      })
      return redirectWithFlash(reply, app, '/account/security#two-factor', {
        kind: 'success',
        text: 'Two-factor sign-in is off. Your password alone now signs you in; your recovery codes no longer work.',
      })
    } catch (error) {
      const problem = formProblem(error, { invalid_credentials: 'password' })
      retryAfter(reply, problem)
      return showSecurity(app, request, reply, null, { disable: problem.fields }, problem.status)
    }
  })
}

function retryAfter(reply: FastifyReply, problem: FormProblem) {
  if (problem.retryAfterSeconds) reply.header('retry-after', String(problem.retryAfterSeconds))
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function showSecurity(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  flash: FlashMessage | null,
  errors: SecurityErrors,
  status = 200,
) {
  const session = sessionOf(request)
  const [sessions, twoFactorOn] = await Promise.all([
    accounts.listActiveSessions(app.db, session.user.id),
    isTwoFactorOn(app, session.user.id),
  ])
  noStore(reply)
  return sendPage(
    reply,
    <SecurityPage
      ctx={pageContext(request)}
      csrf={csrfToken(reply)}
      flash={flash}
      sessions={sessions}
      currentSessionId={session.sessionId}
      twoFactorOn={twoFactorOn}
      errors={errors}
    />,
    status,
  )
}

async function isTwoFactorOn(app: App, userId: string): Promise<boolean> {
  return (await accounts.twoFactorStatus(app.db, userId)).enabled
}

function SecurityPage(props: {
  ctx: PageContext
  csrf: string
  flash: FlashMessage | null
  sessions: ActiveSession[]
  currentSessionId: string
  twoFactorOn: boolean
  errors: SecurityErrors
}) {
  const passwordErrors = props.errors.password ?? {}
  const startErrors = props.errors.start ?? {}
  const disableErrors = props.errors.disable ?? {}
  return (
    <AccountShell ctx={props.ctx} title="Sign-in and security" section="security" flash={props.flash}>
      <section class="card" id="sessions" aria-labelledby="sessions-title">
        <h2 class="card-title" id="sessions-title">
          Where you are signed in
        </h2>
        <p class="muted">
          If you do not recognise a device, sign it out and change your password. Networks are shown without
          their last part, which is all we keep.
        </p>
        <ul class="session-list">
          {props.sessions.map((s) => (
            <li key={s.id} class="session-item">
              <div class="session-facts">
                <p class="session-device">
                  <strong>{describeDevice(s.userAgent)}</strong>{' '}
                  {s.id === props.currentSessionId ? <Badge tone="brand">This browser</Badge> : null}{' '}
                  {s.sharedDevice ? <Badge>Shared computer</Badge> : null}
                </p>
                <dl class="session-meta">
                  <div>
                    <dt>Network</dt>
                    <dd>{s.ipPrefix ?? 'Unknown'}</dd>
                  </div>
                  <div>
                    <dt>Signed in</dt>
                    <dd>
                      <DateTime date={s.createdAt} />
                    </dd>
                  </div>
                  <div>
                    <dt>Last seen</dt>
                    <dd>
                      <DateTime date={s.lastSeenAt} />
                    </dd>
                  </div>
                </dl>
              </div>
              <form method="post" action="/account/security/sessions/sign-out">
                <CsrfField token={props.csrf} />
                <input type="hidden" name="sessionId" value={s.id} />
                {s.id === props.currentSessionId ? (
                  <Button variant="secondary">Sign out here</Button>
                ) : (
                  <Button variant="secondary">
                    Sign out<span class="visually-hidden"> {describeDevice(s.userAgent)}</span>
                  </Button>
                )}
              </form>
            </li>
          ))}
        </ul>
        <form method="post" action="/account/sign-out-everywhere">
          <CsrfField token={props.csrf} />
          <Button variant="secondary">Sign out of all devices</Button>
        </form>
      </section>

      <Card title="Change your password" id="password">
        <p class="muted">Changing it signs out every other device; this browser stays signed in.</p>
        <ErrorSummary errors={passwordErrors} labels={passwordLabels} />
        <form method="post" action="/account/security/password" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            name="currentPassword"
            label={passwordLabels.currentPassword}
            type="password"
            error={passwordErrors.currentPassword}
            required
            autocomplete="current-password"
          />
          <InputField
            name="newPassword"
            label={passwordLabels.newPassword}
            type="password"
            error={passwordErrors.newPassword}
            required
            minlength={accounts.MIN_PASSWORD_LENGTH}
            autocomplete="new-password"
            hint={`At least ${accounts.MIN_PASSWORD_LENGTH} characters.`}
          />
          {props.twoFactorOn ? <StepUpCodeField id="password-code" error={passwordErrors.code} /> : null}
          <Button>Change password</Button>
        </form>
      </Card>

      <section class="card" id="two-factor" aria-labelledby="two-factor-title">
        <h2 class="card-title" id="two-factor-title">
          Two-factor sign-in {props.twoFactorOn ? <Badge tone="verified">On</Badge> : <Badge>Off</Badge>}
        </h2>
        {props.twoFactorOn ? (
          <>
            <p>Signing in needs your password and a code from your authenticator app (or a recovery code).</p>
            <h3>New phone?</h3>
            <p class="muted">
              Set up a new key in your app. Your current app and recovery codes keep working until the new key
              is confirmed.
            </p>
            <ErrorSummary errors={startErrors} labels={stepUpLabels} />
            <form method="post" action="/account/security/two-factor/start" novalidate>
              <CsrfField token={props.csrf} />
              <InputField
                id="start-password"
                name="password"
                label="Your password"
                type="password"
                error={startErrors.password}
                required
                autocomplete="current-password"
              />
              <StepUpCodeField id="start-code" error={startErrors.code} />
              <Button variant="secondary">Set up a new key</Button>
            </form>
            <h3>Switch it off</h3>
            <ErrorSummary errors={disableErrors} labels={stepUpLabels} />
            <form method="post" action="/account/security/two-factor/disable" novalidate>
              <CsrfField token={props.csrf} />
              <InputField
                id="disable-password"
                name="password"
                label="Your password, to switch it off"
                type="password"
                error={disableErrors.password}
                required
                autocomplete="current-password"
              />
              <StepUpCodeField id="disable-code" error={disableErrors.code} />
              <Button variant="secondary">Switch off two-factor sign-in</Button>
            </form>
          </>
        ) : (
          <>
            <p>
              With two-factor sign-in, someone who learns your password still cannot sign in without your
              phone. Any authenticator app works (for example Google Authenticator, Microsoft Authenticator or
              Aegis).
            </p>
            <ErrorSummary errors={startErrors} labels={stepUpLabels} />
            <form method="post" action="/account/security/two-factor/start" novalidate>
              <CsrfField token={props.csrf} />
              <InputField
                id="start-password"
                name="password"
                label="Your password, to set it up"
                type="password"
                error={startErrors.password}
                required
                autocomplete="current-password"
              />
              <Button>Set up two-factor sign-in</Button>
            </form>
          </>
        )}
      </section>
    </AccountShell>
  )
}

function TwoFactorSetupPage(props: {
  ctx: PageContext
  csrf: string
  setup: { secret: string; uri: string } | null
  error: string | undefined
}) {
  return (
    <AccountShell ctx={props.ctx} title="Set up two-factor sign-in" section="security">
      <Card>
        {props.setup ? (
          <ol class="setup-steps">
            <li>
              <p>
                In your authenticator app, choose to add an account and scan this code, or choose to enter a
                setup key and type the key under it:
              </p>
              <QrCode
                data={props.setup.uri}
                label="QR code to add Mandi to your authenticator app. If you cannot scan it, type the setup key shown under it."
              />
              <p class="secret">
                <code>{props.setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
              </p>
              <p class="muted">
                Account: Mandi. Type: time-based. Some apps accept the whole link instead:{' '}
                <code class="otpauth">{props.setup.uri}</code>
              </p>
            </li>
            <li>Enter the 6-digit code the app now shows for Mandi.</li>
          </ol>
        ) : (
          <p>Enter the newest 6-digit code your authenticator app shows for Mandi.</p>
        )}
        <form method="post" action="/account/security/two-factor/confirm" novalidate>
          <CsrfField token={props.csrf} />
          <InputField
            name="code"
            label="6-digit code"
            error={props.error}
            required
            autocomplete="one-time-code"
            inputmode="numeric"
            maxlength={6}
            class="field-short"
            autofocus={!props.setup}
          />
          <div class="actions">
            <Button>Switch on</Button>
            <ButtonLink href="/account/security" variant="secondary">
              Cancel
            </ButtonLink>
          </div>
        </form>
        {props.setup ? null : (
          <p class="muted setup-restart">
            Did not add the key to your app yet?{' '}
            <a href="/account/security#two-factor">Start again with a new key</a>.
          </p>
        )}
      </Card>
    </AccountShell>
  )
}

function RecoveryCodesPage(props: { ctx: PageContext; codes: string[] }) {
  return (
    <AccountShell ctx={props.ctx} title="Two-factor sign-in is on" section="security">
      <Flash kind="success" title="Save your recovery codes now">
        These ten codes are shown only this once. Each one signs you in once if you lose your phone. Print
        them or keep them in a password manager.
      </Flash>
      <Card title="Recovery codes">
        <ol class="recovery-codes">
          {props.codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <ButtonLink href="/account/security">I have saved them</ButtonLink>
      </Card>
    </AccountShell>
  )
}
