import { z } from 'zod'
import type { App } from '../../app.ts'
import * as flows from '../../flows/index.ts'
import * as accounts from '../../modules/accounts/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { notFound } from '../../shared/errors.ts'
import { uuidId } from '../../shared/validation.ts'
import { listStaffViews } from '../admin/staff-access.tsx'
import { describeDevice } from '../device.ts'
import {
  presentBusiness,
  presentHistory,
  presentMe,
  presentProfile,
  presentSessions,
} from '../presenters/accounts.ts'
import { requireSession, signInContext } from '../session.ts'
import type { ApiRegistry } from './api-registry.ts'

const uuidParam = z.object({ id: uuidId('Not a valid id.') })

// The step-up before a sensitive change: the current password, and a code when two-factor sign-in is on.
const stepUpFields = {
  password: z.string().max(200).optional().describe('The current password'),
  code: z
    .string()
    .max(20)
    .optional()
    .describe('When two-factor sign-in is on: a code from the authenticator app, or an unused recovery code'),
}
const stepUpResponses = {
  401: { description: 'Wrong password (invalid_credentials) or code (invalid_totp, totp_reused)' },
  403: {
    description: 'The password, or the code when two-factor sign-in is on, is missing (step_up_required)',
  },
  429: { description: 'Too many password checks (10 in 15 minutes); code rate_limited, with Retry-After' },
}

/** The signed-in person's own account. Every route acts on the session's user only, so no id can reach another's data. */
export function meRoutes(api: ApiRegistry, app: App) {
  api.route(
    {
      method: 'GET',
      url: '/api/v1/me',
      summary: 'The signed-in person',
      tag: 'Accounts',
      responses: {
        200: { description: 'The person and their profile' },
        401: { description: 'Not signed in' },
      },
    },
    async ({ request }) => ({
      user: presentMe(await accounts.findProfile(app.db, requireSession(request).user.id)),
    }),
  )

  api.route(
    {
      method: 'PATCH',
      url: '/api/v1/me/profile',
      summary: 'Change profile fields; every change is kept as a new version',
      tag: 'Accounts',
      body: accounts.ProfileInput,
      responses: { 200: { description: 'The profile after the change' } },
    },
    async ({ request, body }) => {
      const session = requireSession(request)
      return { profile: presentProfile(await accounts.updateProfile(app.db, session.user.id, body)) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/profile/history',
      summary: 'Every version of the profile, newest first, with each change’s old and new value',
      tag: 'Accounts',
      responses: { 200: { description: 'The versions' } },
    },
    async ({ request }) =>
      presentHistory(await accounts.listProfileHistory(app.db, requireSession(request).user.id)),
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/sessions',
      summary: 'Where the person is signed in',
      tag: 'Accounts',
      responses: { 200: { description: 'Active sessions, most recently used first' } },
    },
    async ({ request }) => {
      const session = requireSession(request)
      return presentSessions(
        await accounts.listActiveSessions(app.db, session.user.id),
        session.sessionId,
        describeDevice,
      )
    },
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/me/sessions/:id',
      summary: 'Sign out one session',
      tag: 'Accounts',
      params: uuidParam,
      responses: { 204: { description: 'Signed out' }, 404: { description: 'No such session of yours' } },
    },
    async ({ request, params }) => {
      const session = requireSession(request)
      if (!(await accounts.revokeSession(app.db, session.user.id, params.id))) {
        throw notFound('session_not_found', 'You have no active session with that id.')
      }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/password',
      summary:
        'Change the password (needs the current one, and a code when two-factor sign-in is on); voids reset links and signs out every other session',
      tag: 'Accounts',
      body: z.object({
        currentPassword: z.string().max(200).optional().describe('The current password'),
        newPassword: z.string().max(200),
        code: stepUpFields.code,
      }),
      responses: {
        200: { description: 'Changed', schema: z.object({ signedOutSessions: z.number() }) },
        ...stepUpResponses,
      },
    },
    async ({ request, body }) => {
      const session = requireSession(request)
      const { signedOut } = await accounts.changePassword(app.db, app.accountsDeps, {
        userId: session.user.id,
        currentSessionId: session.sessionId,
        currentPassword: body.currentPassword ?? '',
        newPassword: body.newPassword,
        code: body.code,
      })
      return { signedOutSessions: signedOut }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/verify-email/resend',
      summary: 'Send a new email-verification link',
      tag: 'Accounts',
      responses: {
        202: { description: 'Sent' },
        429: {
          description:
            'Too many links (3 an hour per account, 20 per network); code rate_limited, with Retry-After',
        },
      },
    },
    async ({ request, reply }) => {
      const { user } = requireSession(request)
      await accounts.resendVerificationEmail(app.db, app.accountsDeps, user, signInContext(request))
      await request.server.jobs.send('messaging.deliver')
      reply.status(202)
      return { message: 'A new confirmation link is on its way.' }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/phone/verification',
      summary:
        'Text a 6-digit code to the mobile number on the profile, to verify it; the code works for 10 minutes, once, and earlier codes stop working',
      tag: 'Accounts',
      responses: {
        202: {
          description: 'Sent',
          schema: z.object({ message: z.string(), expiresInMinutes: z.number() }),
        },
        400: { description: 'No mobile number on the profile (phone_required)' },
        409: { description: 'The number is already verified (phone_already_verified)' },
        429: { description: 'Too many codes (3 an hour per account); code rate_limited, with Retry-After' },
      },
    },
    async ({ request, reply }) => {
      const { user } = requireSession(request)
      const sent = await accounts.sendPhoneVerificationCode(app.db, app.accountsDeps, user.id)
      await request.server.jobs.send('messaging.deliver')
      reply.status(202)
      return { message: `A code is on its way to ${sent.phone}.`, expiresInMinutes: sent.expiresInMinutes }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/phone/verification/confirm',
      summary: 'Verify the mobile number with the code texted to it',
      tag: 'Accounts',
      body: z.object({ code: z.string().max(20).describe('The 6-digit code from the text message') }),
      responses: {
        200: { description: 'Verified; the person with phoneVerified true' },
        400: {
          description:
            'Wrong code (invalid_code), or expired, used, or sent to an earlier number (code_expired)',
        },
        429: {
          description:
            'Too many wrong codes (5 in 10 minutes per account); code rate_limited, with Retry-After',
        },
      },
    },
    async ({ request, body }) => {
      const { user } = requireSession(request)
      await accounts.confirmPhoneVerification(app.db, app.accountsDeps, user.id, body.code)
      return { user: presentMe(await accounts.findProfile(app.db, user.id)) }
    },
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/two-factor',
      summary:
        'Start switching on (or re-enrolling) two-factor sign-in: returns a new secret for an authenticator app. Needs the password, and a current code when it is already on; an existing second factor stays active until the new one is confirmed',
      tag: 'Accounts',
      body: z.object(stepUpFields),
      responses: {
        200: {
          description: 'Secret and otpauth URI',
          schema: z.object({ secret: z.string(), uri: z.string() }),
        },
        ...stepUpResponses,
      },
    },
    async ({ request, body }) =>
      accounts.startTwoFactorSetup(app.db, app.accountsDeps, requireSession(request).user.id, body),
  )

  api.route(
    {
      method: 'POST',
      url: '/api/v1/me/two-factor/confirm',
      summary: 'Finish switching on two-factor sign-in with a code from the app; returns recovery codes once',
      tag: 'Accounts',
      body: z.object({ code: z.string().max(10) }),
      responses: {
        200: { description: 'Switched on', schema: z.object({ recoveryCodes: z.array(z.string()) }) },
      },
    },
    async ({ request, body }) =>
      accounts.confirmTwoFactor(app.db, app.accountsDeps, requireSession(request).user.id, body.code),
  )

  api.route(
    {
      method: 'DELETE',
      url: '/api/v1/me/two-factor',
      summary: 'Switch two-factor sign-in off (needs the password and a current code or a recovery code)',
      tag: 'Accounts',
      body: z.object(stepUpFields),
      responses: { 204: { description: 'Switched off' }, ...stepUpResponses },
    },
    async ({ request, body }) => {
      await accounts.disableTwoFactor(app.db, app.accountsDeps, requireSession(request).user.id, body)
    },
  )

  api.route(
    {
      method: 'PUT',
      url: '/api/v1/me/email',
      summary:
        'Change the sign-in email address (needs the password, and a code when two-factor sign-in is on); the new address must be confirmed',
      tag: 'Accounts',
      body: z.object({ email: z.string().max(254), ...stepUpFields }),
      responses: {
        200: { description: 'Changed; a confirmation link was sent to the new address' },
        409: { description: 'Another account uses this address (email_taken)' },
        ...stepUpResponses,
      },
    },
    async ({ request, body }) => {
      const session = requireSession(request)
      await accounts.changeEmail(app.db, app.accountsDeps, session.user.id, body)
      await request.server.jobs.send('messaging.deliver')
      return { user: presentMe(await accounts.findProfile(app.db, session.user.id)) }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/business',
      summary: 'The person’s business profile',
      tag: 'Accounts',
      responses: {
        200: { description: 'The business profile' },
        404: { description: 'No business profile yet' },
      },
    },
    async ({ request }) => {
      const business = await accounts.findBusinessByOwner(app.db, requireSession(request).user.id)
      if (!business) throw notFound('business_not_found', 'You have not created a business profile yet.')
      return { business: presentBusiness(business) }
    },
  )

  api.route(
    {
      method: 'PUT',
      url: '/api/v1/me/business',
      summary:
        'Create or update the business profile (the person becomes a seller); GSTIN must be valid for the address’s state',
      tag: 'Accounts',
      body: accounts.BusinessInput,
      responses: {
        200: { description: 'The business profile' },
        400: {
          description: 'Invalid input; code invalid_gstin for a bad check character or a state mismatch',
        },
      },
    },
    async ({ request, body }) => ({
      business: presentBusiness(
        await accounts.saveBusinessProfile(app.db, requireSession(request).user.id, body),
      ),
    }),
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/consents',
      summary: 'Each optional purpose and whether the person has agreed to it',
      tag: 'Privacy',
      responses: { 200: { description: 'Consents' } },
    },
    async ({ request }) => {
      const consents = await privacy.listConsents(app.db, requireSession(request).user.id)
      return {
        consents: consents.map((c) => ({
          purpose: c.purpose,
          title: privacy.purposes[c.purpose].title,
          granted: c.granted,
          changedAt: c.changedAt?.toISOString() ?? null,
          receiptId: c.receiptId,
        })),
      }
    },
  )

  api.route(
    {
      method: 'PUT',
      url: '/api/v1/me/consents/:purpose',
      summary: 'Give or withdraw consent for one purpose; takes effect at once',
      tag: 'Privacy',
      params: z.object({
        purpose: z.enum(privacy.consentPurposes as [privacy.Purpose, ...privacy.Purpose[]]),
      }),
      body: z.object({ granted: z.boolean() }),
      responses: { 200: { description: 'The new state, and the receipt id for a grant' } },
    },
    async ({ request, params, body }) => {
      const { user } = requireSession(request)
      const event = await flows.changeConsent(app.db, {
        userId: user.id,
        purpose: params.purpose,
        action: body.granted ? 'grant' : 'withdraw',
        channel: 'api',
      })
      return { purpose: params.purpose, granted: body.granted, receiptId: event.receiptId }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/consents/receipts/:id',
      summary:
        'Download the signed receipt of a consent (compact JWS, verifiable with /.well-known/consent-receipt-key)',
      tag: 'Privacy',
      params: uuidParam,
      responses: { 200: { description: 'The receipt', schema: z.object({ receipt: z.string() }) } },
    },
    async ({ request, params }) => {
      const { user } = requireSession(request)
      const receipt = await privacy.consentReceipt(
        app.db,
        app.receipts,
        receiptContext(app),
        user.id,
        params.id,
      )
      return { receipt }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/disclosures',
      summary: 'Everyone who has received the person’s data from Mandi: who, which fields, why, when',
      tag: 'Privacy',
      responses: { 200: { description: 'The person’s disclosure ledger, newest first' } },
    },
    async ({ request }) => {
      const entries = await privacy.listDisclosures(app.db, requireSession(request).user.id)
      return {
        disclosures: entries.map((d) => ({
          recipient: d.recipient,
          recipientKind: d.recipientKind,
          fields: d.fields,
          purpose: d.purpose,
          basis: d.basis,
          reference: d.reference,
          at: d.createdAt.toISOString(),
        })),
      }
    },
  )

  api.route(
    {
      method: 'GET',
      url: '/api/v1/me/staff-views',
      summary: 'Every time Mandi staff opened the person’s data: the staff member’s role (never their name), what, why, when',
      tag: 'Privacy',
      responses: { 200: { description: 'The staff views of the person’s data, newest first' } },
    },
    async ({ request }) => {
      const views = await listStaffViews(app, requireSession(request).user.id)
      return { staffViews: views.map((v) => ({ role: v.role, what: v.what, why: v.why, at: v.at.toISOString() })) }
    },
  )
}

export function receiptContext(app: App): privacy.ReceiptContext {
  return {
    issuer: app.config.publicUrl,
    controller: {
      name: app.config.operator.name,
      grievanceEmail: app.config.operator.grievanceOfficer.email,
    },
  }
}
