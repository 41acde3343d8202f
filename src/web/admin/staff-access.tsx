import type { FastifyReply, FastifyRequest } from 'fastify'
import type { App } from '../../app.ts'
import * as accounts from '../../modules/accounts/index.ts'
import * as privacy from '../../modules/privacy/index.ts'
import { notFound } from '../../shared/errors.ts'
import { formBody, noStore, text } from '../pages/account/account-frame.ts'
import { sendPage } from '../render.tsx'
import { CsrfField, ErrorSummary, InputField } from '../views/account-components.tsx'
import { csrfToken, pageContext } from '../views/page-context.ts'
import { Button, ButtonLink } from '../views/ui.tsx'
import { StaffShell } from './staff-shell.tsx'

// The one guard for every staff route that reads another person's data. It lets in admin and
// support staff only (anyone else gets the ordinary 404, so the staff area does not announce
// itself), asks the staff member why — once per person and purpose, remembered for
// STAFF_REASON_HOURS from the access log itself — and writes an access_log entry in the request
// that reads the data. The person sees each entry in their privacy centre, by role, never by name.

/** The roles that may open another person's data (accounts.canReadAccount agrees). */
export const staffAccessRoles = ['admin', 'support'] as const
export type StaffAccessRole = (typeof staffAccessRoles)[number]

/** How long a reason given for one person and purpose is taken as the reason for later views. */
export const STAFF_REASON_HOURS = 8

export const REASON_FIELD = 'access_reason'
export const REASON_MIN_LENGTH = 10
export const REASON_MAX_LENGTH = 500

export interface StaffAccess {
  staff: accounts.SessionUser
  role: StaffAccessRole
  subjectUserId: string
  what: string
  why: string
  /**
   * True when this request was the reason form's own POST: a route that also handles POSTs for
   * its own actions must then render the page as for GET, not act on the (reason-only) body.
   */
  reasonJustGiven: boolean
}

export interface StaffAccessTarget {
  /** Whose data the route is about to read. */
  subjectUserId: string
  /** Which data, in a few words the person will read: 'data summary', 'grievance'. Never values. */
  what: string
  /** Where "Cancel" on the reason form goes (the staff page the route belongs to). */
  cancelHref?: string
}

/**
 * The staff member as the staff area sees them, or null after sending the anonymous visitor to
 * sign in. Anyone signed in without a staff role gets a 404. For staff pages that read nobody's
 * data (a search form, a queue of ticket numbers); pages that do read it call `staffAccess`.
 */
export function requireStaff(
  request: FastifyRequest,
  reply: FastifyReply,
): { staff: accounts.SessionUser; role: StaffAccessRole } | null {
  const session = request.session
  if (!session) {
    const next = request.method === 'GET' ? request.url : '/admin/people'
    reply.redirect(`/account/sign-in?next=${encodeURIComponent(next)}`, 303)
    return null
  }
  const role = staffRoleOf(session.user)
  if (!role) throw notFound('page_not_found', 'There is no page at this address.')
  noStore(reply)
  return { staff: session.user, role }
}

/** 'admin' or 'support' for a staff member who may open other people's data; null otherwise. */
export function staffRoleOf(actor: accounts.Actor): StaffAccessRole | null {
  return staffAccessRoles.find((role) => accounts.hasRole(actor, role)) ?? null
}

/**
 * Call at the top of a staff route (registered for GET and POST) before reading the subject's
 * data: `const access = await staffAccess(request, reply, app, { subjectUserId, what })`; when it
 * returns null the reply has been sent (sign-in redirect or the reason form) and the route returns
 * `reply`. Otherwise the access has been logged and the route reads and shows the data.
 */
export async function staffAccess(
  request: FastifyRequest,
  reply: FastifyReply,
  app: App,
  target: StaffAccessTarget,
): Promise<StaffAccess | null> {
  const who = requireStaff(request, reply)
  if (!who) return null
  const base = { staff: who.staff, role: who.role, subjectUserId: target.subjectUserId, what: target.what }
  const record = (why: string) =>
    privacy.recordAccess(app.db, {
      actorUserId: who.staff.id,
      actorRole: who.role,
      subjectUserId: target.subjectUserId,
      what: target.what,
      why,
    })

  const body = request.method === 'POST' ? formBody(request) : {}
  if (REASON_FIELD in body) {
    const reason = text(body, REASON_FIELD).trim().replace(/\s+/g, ' ')
    const problem = reasonProblem(reason)
    if (problem) {
      await sendReasonForm(request, reply, target, { value: text(body, REASON_FIELD), error: problem })
      return null
    }
    await record(reason)
    return { ...base, why: reason, reasonJustGiven: true }
  }

  const remembered = await privacy.latestAccessReason(app.db, {
    actorUserId: who.staff.id,
    subjectUserId: target.subjectUserId,
    what: target.what,
    since: new Date(Date.now() - STAFF_REASON_HOURS * 3_600_000),
  })
  if (remembered !== null) {
    await record(remembered)
    return { ...base, why: remembered, reasonJustGiven: false }
  }
  await sendReasonForm(request, reply, target, { value: '', error: undefined })
  return null
}

function reasonProblem(reason: string): string | undefined {
  if (reason.length === 0) return 'Enter why you need to open this person’s data.'
  if (reason.length < REASON_MIN_LENGTH)
    return `Give a reason of at least ${REASON_MIN_LENGTH} characters, such as a ticket number and what the person asked for.`
  if (reason.length > REASON_MAX_LENGTH) return `Keep the reason to ${REASON_MAX_LENGTH} characters or fewer.`
  return undefined
}

async function sendReasonForm(
  request: FastifyRequest,
  reply: FastifyReply,
  target: StaffAccessTarget,
  state: { value: string; error: string | undefined },
) {
  const errors: Record<string, string> = state.error ? { [REASON_FIELD]: state.error } : {}
  // The staff menu marks the area the guarded page belongs to: /admin/<section>/….
  const section = new URL(request.url, 'http://local').pathname.split('/')[2] ?? 'people'
  noStore(reply)
  return sendPage(
    reply,
    <StaffShell
      ctx={pageContext(request)}
      title="Why do you need this person’s data?"
      section={section}
      lead={
        <>
          You are about to open someone else’s {target.what}. Mandi records who opened whose data and why; the
          person sees your reason and your role (not your name) in their privacy centre. You will not be asked
          again for this person’s {target.what} for {STAFF_REASON_HOURS} hours.
        </>
      }
    >
      <ErrorSummary errors={errors} labels={{ [REASON_FIELD]: 'Reason' }} />
      <form method="post" action={new URL(request.url, 'http://local').pathname} novalidate>
        <CsrfField token={csrfToken(reply)} />
        <InputField
          name={REASON_FIELD}
          label="Reason"
          multiline
          required
          maxlength={REASON_MAX_LENGTH}
          value={state.value}
          error={state.error}
          hint={`For example the ticket number and what the person asked for (at least ${REASON_MIN_LENGTH} characters).`}
          autofocus
        />
        <div class="actions">
          <Button type="submit">Open the {target.what}</Button>
          <ButtonLink href={target.cancelHref ?? '/admin/people'} variant="secondary">
            Cancel
          </ButtonLink>
        </div>
      </form>
    </StaffShell>,
    state.error ? 400 : 200,
  )
}

/**
 * What the privacy notice says about staff access, built from this guard's own rules, so the claim
 * changes with them (and cannot outlive the guard: the notice imports it).
 */
export function staffAccessNotice(): string {
  const who = staffAccessRoles.map((role) => staffRoleTitle([role]).replace(/^Mandi /, '')).join(' or ')
  return (
    `Only Mandi staff with a need (${who}) can open someone else’s personal data, for example to ` +
    'handle a complaint. They must first give a reason, every view is logged with it, and you can see ' +
    'each one (their role, never their name, when and why) in your privacy centre.'
  )
}

/** How the person reads a staff member's role in "Staff viewed your data". */
export function staffRoleTitle(roles: readonly string[] | undefined): string {
  if (roles?.includes('admin')) return 'Mandi administrator'
  if (roles?.includes('support')) return 'Mandi support staff'
  return 'Mandi staff member'
}

/** One entry of "Staff viewed your data": who (by role), when, what and why. */
export interface StaffView {
  role: string
  what: string
  why: string
  at: Date
}

/**
 * The person's own "Staff viewed your data" list. The role is the one recorded with the entry;
 * entries from before roles were recorded show the staff member's current one, and a staff
 * account that no longer exists reads "Mandi staff member".
 */
export async function listStaffViews(app: App, subjectUserId: string): Promise<StaffView[]> {
  const entries = await privacy.listAccessTo(app.db, subjectUserId)
  const roles = await accounts.rolesOf(
    app.db,
    entries.filter((e) => !e.actorRole).map((e) => e.actorUserId),
  )
  return entries.map((e) => ({
    role: staffRoleTitle(e.actorRole ? [e.actorRole] : roles.get(e.actorUserId)),
    what: e.what,
    why: e.why,
    at: e.at,
  }))
}
