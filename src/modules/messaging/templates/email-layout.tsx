import type { ComponentChildren } from 'preact'
import { renderToString } from 'preact-render-to-string'
import * as privacy from '../../privacy/index.ts'
import type { RenderContext } from '../message-kind.ts'

// Emails are rendered with Preact, which escapes every value, so data from buyers and sellers can
// never become markup. Styles are inline because mail clients drop <style> and stylesheets.

const font = '-apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'

export const emailStyles = {
  button: {
    display: 'inline-block',
    background: '#e8590c',
    color: '#ffffff',
    padding: '12px 20px',
    borderRadius: '6px',
    textDecoration: 'none',
    fontWeight: 600,
  },
  muted: { color: '#5c6770', fontSize: '13px' },
} as const

export interface EmailLayoutProps {
  ctx: RenderContext
  /** The hidden first line mail clients show beside the subject. */
  preview: string
  purpose: privacy.Purpose
  children: ComponentChildren
  /** Extra footer lines (an unsubscribe link). */
  footer?: ComponentChildren
}

export function renderEmailHtml(props: EmailLayoutProps): string {
  return `<!doctype html>${renderToString(<EmailLayout {...props} />)}`
}

function EmailLayout(props: EmailLayoutProps) {
  return (
    <html lang="en-IN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body style={{ margin: 0, padding: 0, background: '#f3f5f8', fontFamily: font, color: '#1c2530' }}>
        <div style={{ display: 'none', maxHeight: 0, overflow: 'hidden' }}>{props.preview}</div>
        <div style={{ maxWidth: '560px', margin: '0 auto', padding: '24px 16px' }}>
          <p style={{ fontSize: '20px', fontWeight: 700, color: '#0b3d7a', margin: '0 0 16px' }}>Mandi</p>
          <div style={{ background: '#ffffff', borderRadius: '8px', padding: '24px', lineHeight: 1.5 }}>
            {props.children}
          </div>
          <div style={{ ...emailStyles.muted, padding: '16px 4px' }}>
            <p>{whyYouGetThis(props.purpose, props.ctx)}</p>
            {props.footer}
            <p>
              <a href={`${props.ctx.publicUrl}/privacy`}>How we handle your data</a>
            </p>
          </div>
        </div>
      </body>
    </html>
  )
}

/** The footer line every message carries: who sent it and under which purpose. */
export function whyYouGetThis(purpose: privacy.Purpose, ctx: RenderContext): string {
  return `Sent by ${ctx.operatorName} for: ${privacy.purposes[purpose].title.toLowerCase()}.`
}

/** The plain-text part: the body, then the same footer as the HTML. */
export function plainText(purpose: privacy.Purpose, ctx: RenderContext, ...paragraphs: string[]): string {
  return [
    ...paragraphs,
    '--',
    whyYouGetThis(purpose, ctx),
    `How we handle your data: ${ctx.publicUrl}/privacy`,
  ].join('\n\n')
}

/** Values placed in a subject line stay on one line (no header folding tricks) and short. */
export function oneLine(value: string, max = 80): string {
  const flat = value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
