import * as privacy from '../../modules/privacy/index.ts'
import { DateTime } from '../views/account-components.tsx'
import { Badge } from '../views/ui.tsx'

// What the person's ticket pages and the staff queue both show: the status, the clock and the
// history of a grievance.

const eventWords: Record<privacy.GrievanceEventKind, string> = {
  created: 'Raised',
  acknowledged: 'Acknowledged by the grievance officer',
  reply: 'Message',
  resolved: 'Resolved',
  reopened: 'Reopened',
}

export function StatusBadge(props: { status: privacy.GrievanceStatus }) {
  const tone =
    props.status === 'resolved' ? 'verified' : props.status === 'acknowledged' ? 'brand' : 'neutral'
  const label = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' }[props.status]
  return <Badge tone={tone}>{label}</Badge>
}

/** The deadlines in words for the person: what happens next and by when. */
export function PersonClock(props: { grievance: privacy.Grievance; now: Date }) {
  const g = props.grievance
  const clock = privacy.grievanceClockState(g, props.now)
  if (clock.state === 'resolved')
    return (
      <p class="grievance-clock">
        Resolved {g.resolvedAt ? <DateTime date={g.resolvedAt} /> : null}. If the answer does not settle it,
        you can reopen it: the grievance officer then has {privacy.grievanceClock.resolveDays} days again.
      </p>
    )
  return (
    <ul class="grievance-clock deadlines">
      <li>
        {g.status === 'open' ? (
          <>
            The grievance officer acknowledges it by <DateTime date={g.acknowledgeBy} />
            {clock.state === 'overdue' && clock.deadline === 'acknowledge' ? (
              <strong> — this is overdue, and we are sorry</strong>
            ) : null}
            .
          </>
        ) : (
          <>
            Acknowledged by the grievance officer
            {g.acknowledgedAt ? (
              <>
                {' '}
                on <DateTime date={g.acknowledgedAt} />
              </>
            ) : null}
            .
          </>
        )}
      </li>
      <li>
        Our decision is due by <DateTime date={g.resolveBy} />
        {clock.state === 'overdue' && clock.deadline === 'resolve' ? (
          <strong> — this is overdue, and we are sorry</strong>
        ) : null}
        .
      </li>
    </ul>
  )
}

/** The history, oldest first: who did or said what, when. `viewer` decides how the person is named. */
export function GrievanceHistory(props: {
  grievance: privacy.Grievance
  events: privacy.GrievanceEvent[]
  viewer: 'person' | 'staff'
}) {
  const who = (role: privacy.GrievanceEvent['authorRole']) =>
    role === 'staff'
      ? 'Grievance officer'
      : role === 'system'
        ? 'Mandi'
        : props.viewer === 'person'
          ? 'You'
          : 'The person'
  return (
    <ol class="grievance-history">
      {props.events.map((e) => (
        <li key={e.id} class={`grievance-event grievance-event-${e.kind}`}>
          <p class="grievance-event-head">
            <strong>{eventWords[e.kind]}</strong> · {who(e.authorRole)} · <DateTime date={e.createdAt} />
          </p>
          {e.kind === 'created' ? (
            <blockquote class="grievance-body">{props.grievance.message}</blockquote>
          ) : e.body ? (
            <blockquote class="grievance-body">{e.body}</blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
