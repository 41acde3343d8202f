import type { ComponentChildren } from 'preact'
import { type FlashMessage, SectionShell } from '../views/account-components.tsx'
import type { PageContext } from '../views/page-context.ts'

/**
 * The staff area's menu. A staff page adds its entry here; every page in the area is framed by
 * StaffShell and reads other people's data only through `staffAccess` (./staff-access.tsx).
 */
export const staffSections: { id: string; href: string; label: string }[] = [
  { id: 'people', href: '/admin/people', label: 'People' },
  { id: 'grievances', href: '/admin/grievances', label: 'Grievances' },
]

/** A page in the staff area: breadcrumbs, the staff menu, the heading and the page's content. */
export function StaffShell(props: {
  ctx: PageContext
  title: string
  section: string
  crumbs?: { label: string; href?: string }[]
  lead?: ComponentChildren
  flash?: FlashMessage | null
  children: ComponentChildren
}) {
  return (
    <SectionShell
      ctx={props.ctx}
      title={props.title}
      crumbs={props.crumbs ?? [{ label: 'Home', href: '/' }, { label: 'Staff' }, { label: props.title }]}
      navLabel="Staff"
      sections={staffSections}
      current={props.section}
      lead={props.lead}
      flash={props.flash}
    >
      {props.children}
    </SectionShell>
  )
}
