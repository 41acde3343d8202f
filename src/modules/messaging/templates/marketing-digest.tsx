import { z } from 'zod'
import { formatRupees } from '../../../shared/format.ts'
import { defineMessageKind } from '../message-kind.ts'
import { emailStyles, oneLine, plainText, renderEmailHtml } from './email-layout.tsx'

/**
 * The occasional offers email, sent only to people who opted in to "Offers by email". Every copy
 * carries a one-click unsubscribe link, in the body and in the List-Unsubscribe headers.
 */
export const marketingDigest = defineMessageKind({
  kind: 'marketing-digest',
  purpose: 'marketing_email',
  schema: z.strictObject({
    firstName: z.string().trim().min(1).max(60),
    headline: z.string().trim().min(1).max(120),
    products: z
      .array(
        z.strictObject({
          title: z.string().trim().min(1).max(200),
          url: z.url({ protocol: /^https?$/ }),
          pricePaise: z.number().int().nonnegative().nullable(),
          sellerCity: z.string().trim().min(1).max(60),
        }),
      )
      .min(1)
      .max(12),
    unsubscribeUrl: z.url({ protocol: /^https?$/ }),
  }),
  email: (data, ctx) => {
    const price = (paise: number | null) => (paise === null ? 'Price on request' : formatRupees(paise))
    const why = 'You get this email because you asked for offers by email.'
    return {
      subject: oneLine(data.headline, 100),
      listUnsubscribeUrl: data.unsubscribeUrl,
      text: plainText(
        'marketing_email',
        ctx,
        `Hello ${data.firstName},`,
        data.headline,
        data.products
          .map((p) => `* ${p.title} (${price(p.pricePaise)}, ${p.sellerCity})\n  ${p.url}`)
          .join('\n'),
        `${why} Unsubscribe with one click: ${data.unsubscribeUrl}`,
      ),
      html: renderEmailHtml({
        ctx,
        purpose: 'marketing_email',
        preview: data.headline,
        children: (
          <>
            <p>Hello {data.firstName},</p>
            <p>
              <strong>{data.headline}</strong>
            </p>
            <ul>
              {data.products.map((p) => (
                <li key={p.url}>
                  <a href={p.url}>{p.title}</a>
                  <br />
                  <span style={emailStyles.muted}>
                    {price(p.pricePaise)} · {p.sellerCity}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ),
        footer: (
          <p>
            {why} <a href={data.unsubscribeUrl}>Unsubscribe with one click</a>.
          </p>
        ),
      }),
    }
  },
})
