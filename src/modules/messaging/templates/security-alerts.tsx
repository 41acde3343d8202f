import { z } from 'zod'
import { formatDate } from '../../../shared/format.ts'
import { defineMessageKind, type RenderContext } from '../message-kind.ts'
import { emailStyles, plainText, renderEmailHtml } from './email-layout.tsx'

// Security alerts: a change to how someone signs in, told to the account's own address so that a
// change they did not make does not go unnoticed. They never carry a secret: no code, no link that
// signs in or resets, no full IP address (only the network prefix the session already keeps, with
// the last part removed) and no raw user agent (only the browser's name).

const firstName = z.string().trim().min(1).max(60)
const at = z.iso.datetime({ offset: true })

/** "7 Dec 2026 at 3:05 pm IST". */
function when(iso: string): string {
  const date = new Date(iso)
  const time = new Intl.DateTimeFormat('en-IN', {
    timeZone: 'Asia/Kolkata',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  })
    .format(date)
    .replace(/\s*(am|pm)$/i, (m) => ` ${m.trim().toLowerCase()}`)
  return `${formatDate(date)} at ${time} IST`
}

/** One alert: what happened, when, the advice if it was not them, and the security page. */
function alertEmail(
  ctx: RenderContext,
  content: { subject: string; greeting: string; what: string; details?: string[]; ifNotYou: string },
) {
  const securityUrl = `${ctx.publicUrl}/account/security`
  const details = content.details ?? []
  const review = `Review where you are signed in and your security settings: ${securityUrl}`
  return {
    subject: content.subject,
    text: plainText('security', ctx, content.greeting, content.what, ...details, content.ifNotYou, review),
    html: renderEmailHtml({
      ctx,
      purpose: 'security',
      preview: content.what,
      children: (
        <>
          <p>{content.greeting}</p>
          <p>{content.what}</p>
          {details.map((line) => (
            <p key={line} style={{ margin: '0 0 4px' }}>
              {line}
            </p>
          ))}
          <p>{content.ifNotYou}</p>
          <p>
            <a href={securityUrl} style={emailStyles.button}>
              Review your security settings
            </a>
          </p>
          <p style={emailStyles.muted}>
            We send this to your account’s own email address whenever the way you sign in changes.
          </p>
        </>
      ),
    }),
  }
}

const secure = 'reset your password now from the sign-in page, then end every session on your security page.'
const notYouPassword = `If this was not you, ${secure}`

export const twoFactorChanged = defineMessageKind({
  kind: 'two-factor-changed',
  purpose: 'security',
  schema: z.strictObject({ firstName, enabled: z.boolean(), at }),
  email: (data, ctx) =>
    alertEmail(ctx, {
      subject: data.enabled ? 'Two-factor sign-in is on' : 'Two-factor sign-in was turned off',
      greeting: `Hello ${data.firstName},`,
      what: data.enabled
        ? `Two-factor sign-in was turned on for your Mandi account on ${when(data.at)}. Signing in now also needs a code from your authenticator app.`
        : `Two-factor sign-in was turned off for your Mandi account on ${when(data.at)}. Signing in now needs only your password.`,
      ifNotYou: notYouPassword,
    }),
})

export const passwordChanged = defineMessageKind({
  kind: 'password-changed',
  purpose: 'security',
  schema: z.strictObject({ firstName, at, viaResetLink: z.boolean() }),
  email: (data, ctx) =>
    alertEmail(ctx, {
      subject: 'Your Mandi password was changed',
      greeting: `Hello ${data.firstName},`,
      what: `The password of your Mandi account was ${data.viaResetLink ? 'reset from an emailed link' : 'changed'} on ${when(data.at)}, and your other sessions were signed out.`,
      ifNotYou: notYouPassword,
    }),
})

export const newDeviceSignIn = defineMessageKind({
  kind: 'new-device-sign-in',
  purpose: 'security',
  schema: z.strictObject({
    firstName,
    at,
    /** The browser's name and system ("Chrome on Windows"), never the raw user agent. */
    device: z.string().trim().min(1).max(80),
    /**
     * The network with the last part of the address removed (203.0.113.0, 2001:db8:abcd::), as
     * sessions keep it; a full address is refused.
     */
    network: z
      .string()
      .regex(/^(\d{1,3}\.\d{1,3}\.\d{1,3}\.0|[0-9a-f:]*::)$/i, 'a truncated network prefix only')
      .nullable(),
  }),
  email: (data, ctx) =>
    alertEmail(ctx, {
      subject: 'New sign-in to your Mandi account',
      greeting: `Hello ${data.firstName},`,
      what: `Your Mandi account was signed in to from a device or network it has not been used from before, on ${when(data.at)}.`,
      details: [
        `Device: ${data.device}`,
        `Network: ${data.network ? networkLabel(data.network) : 'unknown'}`,
      ],
      ifNotYou: `If this was you, there is nothing to do. If not, ${secure}`,
    }),
})

export const sessionsEnded = defineMessageKind({
  kind: 'sessions-ended',
  purpose: 'security',
  schema: z.strictObject({ firstName, at, count: z.number().int().positive() }),
  email: (data, ctx) =>
    alertEmail(ctx, {
      subject: 'You were signed out everywhere',
      greeting: `Hello ${data.firstName},`,
      what: `Every session of your Mandi account was ended on ${when(data.at)} (${data.count} ${data.count === 1 ? 'session' : 'sessions'}). You need to sign in again on each device.`,
      ifNotYou: `If this was not you, someone else may have your password: ${secure}`,
    }),
})

/** "203.0.113.x" or "2001:db8:abcd::/48": the prefix as people read it, the last part unknown. */
function networkLabel(prefix: string): string {
  return prefix.endsWith('::') ? `${prefix}/48` : `${prefix.slice(0, -2)}.x`
}
