import { forbidden } from '../../shared/errors.ts'

export const roles = ['buyer', 'seller', 'admin', 'moderator', 'support', 'finance'] as const
export type Role = (typeof roles)[number]

export interface Actor {
  id: string
  roles: readonly string[]
}

const staffRoles: readonly Role[] = ['admin', 'moderator', 'support', 'finance']

export const hasRole = (actor: Actor, role: Role) => actor.roles.includes(role)
export const isStaff = (actor: Actor) => staffRoles.some((r) => actor.roles.includes(r))

/** A person may read and change their own account; staff may read others' (and must log why). */
export function canReadAccount(actor: Actor, subjectUserId: string): boolean {
  return actor.id === subjectUserId || hasRole(actor, 'admin') || hasRole(actor, 'support')
}

export function canChangeAccount(actor: Actor, subjectUserId: string): boolean {
  return actor.id === subjectUserId || hasRole(actor, 'admin')
}

export function assertCanChangeAccount(actor: Actor, subjectUserId: string): void {
  if (!canChangeAccount(actor, subjectUserId)) throw forbidden('not_your_account', 'You can only change your own account.')
}
