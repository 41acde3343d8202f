import { DateTime } from '../views/account-components.tsx'
import { EmptyState } from '../views/ui.tsx'
import type { StaffView } from './staff-access.tsx'

/** "Staff viewed your data" in the privacy centre: who (by role), when, what and why. */
export function StaffViewsSection(props: { views: StaffView[] }) {
  return (
    <section class="card" aria-labelledby="staff-views-title" id="staff-views">
      <h2 class="card-title" id="staff-views-title">
        Staff viewed your data
      </h2>
      <p class="muted">
        Mandi staff open your data only with a reason, and every time they do it is written here: their role,
        when, what they opened and the reason they gave.
      </p>
      {props.views.length === 0 ? (
        <EmptyState title="No staff member has opened your data" icon="box" />
      ) : (
        <table class="table ledger-table">
          <caption>Staff views of your data, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Reason given</th>
            </tr>
          </thead>
          <tbody>
            {props.views.map((v, i) => (
              <tr key={i}>
                <td data-label="When">
                  <DateTime date={v.at} />
                </td>
                <td data-label="Who">{v.role}</td>
                <td data-label="What">Your {v.what}</td>
                <td data-label="Reason">{v.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
