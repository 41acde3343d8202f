import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import * as grievanceFlows from '#src/flows/grievances.ts'
import * as nomineeFlows from '#src/flows/nominee.ts'
import { outboxMessages } from '#src/modules/messaging/messaging.tables.ts'
import * as privacy from '#src/modules/privacy/index.ts'
import type { AppError } from '#src/shared/errors.ts'
import { buildUser } from '#test/factories.ts'
import { useTestDb } from '#test/setup.ts'

// The flow files directly: the test needs only these two flows.
const flows = { ...grievanceFlows, ...nomineeFlows }

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A clock the test moves by hand. */
function fakeClock(start = new Date('2026-12-01T10:00:00.000Z')) {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    set: (at: Date) => {
      now = at.getTime()
    },
    advance: (ms: number) => {
      now += ms
    },
  }
}

const input = {
  category: 'correction',
  subject: 'My old phone number is still shown',
  message: 'I changed my number last month but the old one still appears on my storefront.',
}

describe('grievance flows with a fake clock', () => {
  const ctx = useTestDb()
  const clock = fakeClock()
  const deps = { publicUrl: 'https://mandi.example', now: clock.now }

  const mails = (kind: string, to: string) =>
    ctx.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, kind), eq(outboxMessages.toAddress, to)))

  it('sets acknowledge_by to 48 hours and resolve_by to 30 days after creation, and mails the receipt at once', async () => {
    const user = await buildUser(ctx.db, { name: 'Asha Rao' })
    clock.set(new Date('2026-12-01T10:00:00.000Z'))
    const g = await flows.raiseGrievance(ctx.db, deps, { userId: user.id, input })
    assert.equal(g.status, 'open')
    assert.equal(g.createdAt.toISOString(), '2026-12-01T10:00:00.000Z')
    assert.equal(g.acknowledgeBy.toISOString(), '2026-12-03T10:00:00.000Z')
    assert.equal(g.resolveBy.toISOString(), '2026-12-31T10:00:00.000Z')
    const [mail] = await mails('grievance-received', user.email)
    assert.ok(mail, 'the receipt is queued')
    assert.equal(mail.recipientUserId, user.id)
    const data = mail.data as Record<string, unknown>
    assert.equal(data.reference, privacy.grievanceReference(g.id))
    assert.equal(data.acknowledgeBy, '2026-12-03T10:00:00.000Z')
    assert.equal(data.resolveBy, '2026-12-31T10:00:00.000Z')
    assert.equal(data.ticketUrl, `https://mandi.example/account/grievances/${g.id}`)
    const events = await privacy.listGrievanceEvents(ctx.db, g.id)
    assert.deepEqual(
      events.map((e) => e.kind),
      ['created'],
    )
  })

  it('is overdue for acknowledgement after 48 hours and not before; acknowledging stops that clock', async () => {
    const user = await buildUser(ctx.db)
    const start = new Date('2026-12-02T08:00:00.000Z')
    clock.set(start)
    const g = await flows.raiseGrievance(ctx.db, deps, { userId: user.id, input })
    const at = (ms: number) => new Date(start.getTime() + ms)
    assert.equal(privacy.isOverdueForAcknowledgement(g, at(47 * HOUR + 59 * 60_000)), false)
    assert.equal(privacy.isOverdueForAcknowledgement(g, at(48 * HOUR)), false, 'due at 48 h, not yet overdue')
    assert.equal(privacy.isOverdueForAcknowledgement(g, at(48 * HOUR + 1000)), true)
    assert.equal(privacy.describeGrievanceClock(g, at(43 * HOUR)), 'acknowledge within 5 h')
    assert.equal(privacy.describeGrievanceClock(g, at(96 * HOUR)), 'overdue by 2 days (acknowledgement)')

    clock.set(at(47 * HOUR))
    const staff = await buildUser(ctx.db, { roles: ['buyer', 'support'] })
    const acked = await flows.acknowledgeAsStaff(ctx.db, deps, { staffUserId: staff.id, id: g.id })
    assert.equal(acked.status, 'acknowledged')
    assert.equal(acked.acknowledgedAt?.toISOString(), at(47 * HOUR).toISOString())
    assert.equal(privacy.isOverdueForAcknowledgement(acked, at(60 * HOUR)), false)
    assert.equal(privacy.describeGrievanceClock(acked, at(60 * HOUR)), 'resolve within 27 days')
    const [update] = await mails('grievance-update', user.email)
    assert.equal((update!.data as { update: string }).update, 'acknowledged')
  })

  it('is overdue for resolution after 30 days and not before, until it is resolved', async () => {
    const user = await buildUser(ctx.db)
    const start = new Date('2026-12-03T08:00:00.000Z')
    clock.set(start)
    const g = await flows.raiseGrievance(ctx.db, deps, { userId: user.id, input })
    const at = (ms: number) => new Date(start.getTime() + ms)
    assert.equal(privacy.isOverdueForResolution(g, at(30 * DAY - 1000)), false)
    assert.equal(privacy.isOverdueForResolution(g, at(30 * DAY + 1000)), true)
    assert.equal(privacy.describeGrievanceClock(g, at(32 * DAY)), 'overdue by 2 days (resolution)')

    const staff = await buildUser(ctx.db, { roles: ['buyer', 'admin'] })
    clock.set(at(31 * DAY))
    const resolved = await flows.resolveAsStaff(ctx.db, deps, {
      staffUserId: staff.id,
      id: g.id,
      input: { note: 'We removed the old number from your storefront.' },
    })
    assert.equal(resolved.status, 'resolved')
    assert.equal(privacy.isOverdueForResolution(resolved, at(40 * DAY)), false)
    assert.equal(privacy.describeGrievanceClock(resolved, at(40 * DAY)), 'resolved')
    const updates = await mails('grievance-update', user.email)
    assert.deepEqual(
      updates.map((m) => (m.data as { update: string; body: string }).body),
      ['We removed the old number from your storefront.'],
    )
  })

  it('reopening a resolved ticket restarts the clock from now; only its person may, and only once resolved', async () => {
    const user = await buildUser(ctx.db)
    const other = await buildUser(ctx.db)
    const staff = await buildUser(ctx.db, { roles: ['buyer', 'support'] })
    const start = new Date('2026-12-04T08:00:00.000Z')
    clock.set(start)
    const g = await flows.raiseGrievance(ctx.db, deps, { userId: user.id, input })

    await assert.rejects(
      flows.reopenAsPerson(ctx.db, deps, { userId: user.id, id: g.id }),
      (e: AppError) => e.code === 'grievance_not_resolved',
    )
    clock.set(new Date(start.getTime() + 10 * DAY))
    await flows.resolveAsStaff(ctx.db, deps, { staffUserId: staff.id, id: g.id, input: { note: 'Done.' } })

    const reopenedAt = new Date(start.getTime() + 20 * DAY)
    clock.set(reopenedAt)
    await assert.rejects(
      flows.reopenAsPerson(ctx.db, deps, { userId: other.id, id: g.id }),
      (e: AppError) => e.kind === 'not_found',
    )
    const reopened = await flows.reopenAsPerson(ctx.db, deps, {
      userId: user.id,
      id: g.id,
      input: { reason: 'The old number is back.' },
    })
    assert.equal(reopened.status, 'open')
    assert.equal(reopened.resolvedAt, null)
    assert.equal(reopened.resolveBy.toISOString(), new Date(reopenedAt.getTime() + 30 * DAY).toISOString())
    assert.equal(
      reopened.acknowledgeBy.toISOString(),
      new Date(reopenedAt.getTime() + 48 * HOUR).toISOString(),
    )
    // Past the first resolve_by (start + 30 days) but within the new one: not overdue.
    assert.equal(privacy.isOverdueForResolution(reopened, new Date(start.getTime() + 35 * DAY)), false)
    assert.equal(
      privacy.isOverdueForResolution(reopened, new Date(reopenedAt.getTime() + 30 * DAY + 1000)),
      true,
    )
    const { events } = await flows.ownGrievance(ctx.db, user.id, g.id)
    assert.deepEqual(
      events.map((e) => [e.kind, e.body]),
      [
        ['created', null],
        ['resolved', 'Done.'],
        ['reopened', 'The old number is back.'],
      ],
    )
  })

  it('the queue puts overdue tickets first, then the nearest deadline, and leaves resolved ones out', async () => {
    const base = new Date('2027-03-01T00:00:00.000Z')
    const user = await buildUser(ctx.db)
    const staff = await buildUser(ctx.db, { roles: ['buyer', 'support'] })
    const raise = async (at: Date, subject: string) => {
      clock.set(at)
      return flows.raiseGrievance(ctx.db, deps, { userId: user.id, input: { ...input, subject } })
    }
    // Ack-overdue at "now" (created 3 days earlier, never acknowledged).
    const stale = await raise(new Date(base.getTime() - 3 * DAY), 'Queue: not acknowledged for 3 days')
    // Acknowledged in time, due for resolution in 2 days.
    const acked = await raise(new Date(base.getTime() - 28 * DAY), 'Queue: acknowledged, resolve in 2 days')
    clock.set(new Date(base.getTime() - 27 * DAY))
    await flows.acknowledgeAsStaff(ctx.db, deps, { staffUserId: staff.id, id: acked.id })
    // Fresh: acknowledge within 40 hours.
    const fresh = await raise(new Date(base.getTime() - 8 * HOUR), 'Queue: fresh')
    // Acknowledged but past its resolve_by: overdue for resolution (by 5 days).
    const late = await raise(new Date(base.getTime() - 35 * DAY), 'Queue: resolution overdue')
    clock.set(new Date(base.getTime() - 34 * DAY))
    await flows.acknowledgeAsStaff(ctx.db, deps, { staffUserId: staff.id, id: late.id })
    // Resolved: not in the queue.
    const done = await raise(new Date(base.getTime() - 2 * DAY), 'Queue: resolved')
    await flows.resolveAsStaff(ctx.db, deps, {
      staffUserId: staff.id,
      id: done.id,
      input: { note: 'Settled.' },
    })

    const queue = (await privacy.listGrievanceQueue(ctx.db, base)).filter((g) =>
      g.subject.startsWith('Queue:'),
    )
    assert.deepEqual(
      queue.map((g) => g.subject),
      [late.subject, stale.subject, fresh.subject, acked.subject],
    )
    assert.deepEqual(
      queue.map((g) => privacy.describeGrievanceClock(g, base)),
      [
        'overdue by 5 days (resolution)',
        'overdue by 24 h (acknowledgement)',
        'acknowledge within 40 h',
        'resolve within 2 days',
      ],
    )
  })

  it('takes a grievance from someone without an account, answering at the email they gave', async () => {
    clock.set(new Date('2026-12-05T08:00:00.000Z'))
    const g = await flows.raiseGrievance(ctx.db, deps, {
      userId: null,
      input: { ...input, category: 'nominee_request', name: 'Kiran Rao', email: ' Kiran.Rao@Example.in ' },
    })
    assert.equal(g.userId, null)
    assert.equal(g.requesterEmail, 'kiran.rao@example.in')
    const [mail] = await mails('grievance-received', 'kiran.rao@example.in')
    assert.equal((mail!.data as { ticketUrl: string | null }).ticketUrl, null)
    const staff = await buildUser(ctx.db, { roles: ['buyer', 'support'] })
    await flows.replyAsStaff(ctx.db, deps, {
      staffUserId: staff.id,
      id: g.id,
      input: { body: 'Please send us the death certificate.' },
    })
    const [reply] = await mails('grievance-update', 'kiran.rao@example.in')
    assert.equal((reply!.data as { body: string }).body, 'Please send us the death certificate.')
  })

  it('reports every problem with a signed-out grievance at once', async () => {
    await assert.rejects(
      flows.raiseGrievance(ctx.db, deps, {
        userId: null,
        input: { category: 'gossip', subject: '', message: 'short', name: '', email: 'not-an-email' },
      }),
      (e: AppError) => {
        assert.equal(e.code, 'invalid_grievance')
        assert.deepEqual(Object.keys(e.fields ?? {}).sort(), [
          'category',
          'email',
          'message',
          'name',
          'subject',
        ])
        return true
      },
    )
  })

  it('shows staff who named a nominee when the nominee writes from that email', async () => {
    clock.set(new Date('2026-12-06T08:00:00.000Z'))
    const person = await buildUser(ctx.db, { name: 'Lakshmi Iyer' })
    const email = `nominee.${Date.now()}@example.in`
    await flows.setNominee(ctx.db, deps, {
      userId: person.id,
      input: { name: 'Ravi Iyer', email, relationship: 'Child' },
    })
    const g = await flows.raiseGrievance(ctx.db, deps, {
      userId: null,
      input: {
        category: 'nominee_request',
        subject: 'Close my mother’s account',
        message: 'My mother Lakshmi Iyer passed away last month; please close her account.',
        name: 'Ravi Iyer',
        email: email.toUpperCase(),
      },
    })
    const view = await flows.grievanceForStaff(ctx.db, g.id)
    assert.deepEqual(
      view.nominations.map((n) => [n.personName, n.relationship]),
      [['Lakshmi Iyer', 'Child']],
    )
  })
})
