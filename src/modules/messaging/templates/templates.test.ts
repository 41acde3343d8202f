import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { channelsOf, type RenderContext } from '../message-kind.ts'
import { type MessageData, type MessageKind, messageKinds, renderMessage } from '../message-kinds.ts'

const ctx: RenderContext = {
  publicUrl: 'https://mandi.example',
  operatorName: 'Mandi Test Operator',
  dltTemplateIds: { 'enquiry-received': '1107160000000000001' },
}

const samples: { [K in MessageKind]: MessageData<K> } = {
  'email-verification': {
    firstName: 'Asha',
    verifyUrl: 'https://mandi.example/verify?t=abc',
    expiresInHours: 24,
  },
  'password-reset': {
    firstName: 'Asha',
    resetUrl: 'https://mandi.example/reset?t=abc',
    expiresInMinutes: 30,
  },
  'phone-verification': { code: '042917', expiresInMinutes: 10 },
  'data-export-ready': {
    downloadUrl: 'https://mandi.example/account/privacy/exports/3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c/download',
    expiresOn: '14 Dec 2026',
  },
  'enquiry-received': {
    buyerFirstName: 'Ravi',
    buyerCity: 'Coimbatore',
    productTitle: 'Centrifugal Monoblock Pump 1 HP',
    quantity: 25,
    unit: 'piece',
    enquiryUrl: 'https://mandi.example/seller/enquiries/42',
  },
  'enquiry-message': {
    enquiryId: '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c',
    author: { party: 'buyer', firstName: 'Ravi', city: 'Coimbatore' },
    subject: 'Centrifugal Monoblock Pump 1 HP',
    body: 'Can you deliver 25 pieces to Coimbatore by Friday?',
    threadUrl: 'https://mandi.example/seller/leads/3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c',
    relayAddress: 'e-abcdefgh@relay.mandi.example',
  },
  'marketing-digest': {
    firstName: 'Asha',
    headline: 'New ball valves from Rajkot this week',
    products: [
      {
        title: 'Brass Ball Valve 1 inch',
        url: 'https://mandi.example/p/1',
        pricePaise: 45_000,
        sellerCity: 'Rajkot',
      },
    ],
    unsubscribeUrl: 'https://mandi.example/unsubscribe/tok',
  },
  'two-factor-changed': { firstName: 'Asha', enabled: true, at: '2026-12-07T09:35:00.000Z' },
  'password-changed': { firstName: 'Asha', at: '2026-12-07T09:35:00.000Z', viaResetLink: false },
  'new-device-sign-in': {
    firstName: 'Asha',
    at: '2026-12-07T09:35:00.000Z',
    device: 'Firefox on Linux',
    network: '203.0.113.0',
  },
  'sessions-ended': { firstName: 'Asha', at: '2026-12-07T09:35:00.000Z', count: 3 },
  'account-erased': {
    reference: '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c',
    at: '2026-12-07T09:35:00.000Z',
    erased: ['Your phone number', 'Your name'],
    held: [{ what: 'Your GSTIN', why: 'Legal and tax obligations', until: '8 years after the last invoice' }],
  },
  'grievance-received': {
    name: 'Asha',
    reference: 'GRV-3F2B8C1E',
    category: 'Correcting my data',
    subject: 'My old phone number is still shown',
    acknowledgeBy: '2026-12-09T09:35:00.000Z',
    resolveBy: '2027-01-06T09:35:00.000Z',
    ticketUrl: 'https://mandi.example/account/grievances/3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c',
  },
  'grievance-update': {
    name: null,
    reference: 'GRV-3F2B8C1E',
    subject: 'My old phone number is still shown',
    update: 'resolved',
    body: 'We removed the old number from your profile and from every listing.',
    resolveBy: null,
    ticketUrl: null,
  },
  'nominee-named': {
    nomineeName: 'Kiran',
    personName: 'Asha Rao',
    relationship: 'Sibling',
    grievanceUrl: 'https://mandi.example/grievance',
  },
  'order-received': { orderId: '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c', totalPaise: 926_300, itemCount: 2 },
  'order-accepted': { orderId: '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c' },
  'order-dispatched': {
    orderId: '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c',
    carrier: 'Blue Dart',
    trackingNumber: 'BD123456789IN',
  },
  'order-cancelled': {
    orderId: '3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c',
    cancelledBy: 'seller',
    reason: 'The pump model is discontinued by the maker.',
    refund: 'issued',
  },
}

function email(kind: MessageKind, data: unknown = samples[kind], context: RenderContext = ctx) {
  const rendered = renderMessage(kind, 'email', data, context)
  assert.equal(rendered.channel, 'email')
  return rendered.content as Extract<typeof rendered, { channel: 'email' }>['content']
}

describe('message kinds', () => {
  it('declare a purpose, and marketing ones a consent-based purpose', () => {
    assert.equal(messageKinds['email-verification'].purpose, 'account')
    assert.equal(messageKinds['password-reset'].purpose, 'account')
    assert.equal(messageKinds['enquiry-received'].purpose, 'enquiries')
    assert.equal(messageKinds['marketing-digest'].purpose, 'marketing_email')
    assert.deepEqual(channelsOf(messageKinds['enquiry-received']), ['email', 'sms'])
    assert.deepEqual(channelsOf(messageKinds['password-reset']), ['email'])
  })

  for (const kind of Object.keys(messageKinds) as MessageKind[]) {
    if (!messageKinds[kind].email) continue
    it(`renders "${kind}" with a subject, an HTML part and a plain-text part`, () => {
      const content = email(kind)
      assert.ok(content.subject.length > 5)
      assert.match(content.html, /^<!doctype html><html lang="en-IN">/)
      assert.ok(content.text.length > 40)
      assert.doesNotMatch(content.text, /<[a-z]/i)
      assert.match(content.text, /Sent by Mandi Test Operator/)
    })
  }

  for (const kind of Object.keys(messageKinds) as MessageKind[]) {
    const sms = (messageKinds[kind] as { sms?: { dltTemplate: string } }).sms
    if (!sms) continue
    it(`renders the "${kind}" SMS as its registered DLT template, ASCII only`, () => {
      const rendered = renderMessage(kind, 'sms', samples[kind], ctx)
      assert.equal(rendered.channel, 'sms')
      if (rendered.channel !== 'sms') return
      const pattern = new RegExp(
        `^${sms.dltTemplate.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{#var#\\\}/g, '(.{1,200})')}$`,
      )
      assert.match(rendered.content.text, pattern)
      assert.match(rendered.content.text, /^[\x20-\x7e]+$/)
      assert.ok(rendered.content.dltTemplateId.length > 0)
    })
  }

  it('texts a mobile verification code by SMS only, and empties it from the outbox once done', () => {
    const kind = messageKinds['phone-verification']
    assert.equal(kind.purpose, 'account')
    assert.deepEqual(channelsOf(kind), ['sms'])
    assert.equal(kind.eraseDataWhenDone, true)
    const rendered = renderMessage('phone-verification', 'sms', samples['phone-verification'], ctx)
    assert.equal(rendered.channel, 'sms')
    if (rendered.channel !== 'sms') return
    assert.match(rendered.content.text, /^Mandi: 042917 is your code .* 10 minutes\./)
    assert.equal(rendered.content.dltTemplateId, 'unregistered:phone-verification')
    assert.equal(kind.schema.safeParse({ code: '12345', expiresInMinutes: 10 }).success, false)
  })

  it('renders a <script> in the data as inert text', () => {
    const content = email('enquiry-received', {
      ...samples['enquiry-received'],
      buyerCity: '<script>alert(1)</script>',
      productTitle: '"><img src=x onerror=alert(1)>',
    })
    assert.doesNotMatch(content.html, /<script/i)
    assert.doesNotMatch(content.html, /<img/i)
    assert.match(content.html, /from &lt;script>alert\(1\)&lt;\/script> would like/)
  })

  it('keeps a subject on one line whatever the data holds', () => {
    const content = email('enquiry-received', {
      ...samples['enquiry-received'],
      productTitle: 'Pump\r\nBcc: victim@example.in',
    })
    assert.doesNotMatch(content.subject, /[\r\n]/)
  })

  it('tells a seller about an enquiry without any way to carry the buyer’s contact details', () => {
    const schema = messageKinds['enquiry-received'].schema
    assert.equal(
      schema.safeParse({ ...samples['enquiry-received'], buyerEmail: 'ravi@example.in' }).success,
      false,
    )
    assert.equal(
      schema.safeParse({ ...samples['enquiry-received'], buyerPhone: '+919876543210' }).success,
      false,
    )
    assert.equal(
      schema.safeParse({ ...samples['enquiry-received'], buyerFirstName: 'Ravi Kumar' }).success,
      false,
    )
    const content = email('enquiry-received')
    assert.match(content.text, /Ravi from Coimbatore would like 25 pieces of Centrifugal Monoblock Pump 1 HP/)
  })

  it('renders the enquiry SMS as its registered DLT template with the template id', () => {
    const rendered = renderMessage('enquiry-received', 'sms', samples['enquiry-received'], ctx)
    assert.equal(rendered.channel, 'sms')
    if (rendered.channel !== 'sms') return
    assert.equal(rendered.content.dltTemplateId, '1107160000000000001')
    const template = messageKinds['enquiry-received'].sms!.dltTemplate
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{#var#\\\}/g, '(.{1,200})')}$`,
    )
    assert.match(rendered.content.text, pattern)
  })

  it('puts a one-click unsubscribe link in marketing mail, in the body and for the headers', () => {
    const content = email('marketing-digest')
    assert.equal(content.listUnsubscribeUrl, 'https://mandi.example/unsubscribe/tok')
    assert.match(content.text, /Unsubscribe with one click: https:\/\/mandi\.example\/unsubscribe\/tok/)
    assert.match(
      content.html,
      /<a href="https:\/\/mandi\.example\/unsubscribe\/tok">Unsubscribe with one click<\/a>/,
    )
    assert.match(content.text, /₹450/)
  })

  it('sends a thread message from and with Reply-To the relay address, threaded per enquiry', () => {
    const content = email('enquiry-message')
    const relay = { name: 'Ravi from Coimbatore via Mandi', address: 'e-abcdefgh@relay.mandi.example' }
    assert.deepEqual(content.from, relay)
    assert.deepEqual(content.replyTo, relay)
    assert.deepEqual(content.references, [
      '<enquiry-3f2b8c1e-9a4d-4e7b-b1c2-0d9e8f7a6b5c@relay.mandi.example>',
    ])
    assert.equal(content.subject, 'Re: Centrifugal Monoblock Pump 1 HP')
    assert.match(content.text, /Ravi from Coimbatore wrote about “Centrifugal Monoblock Pump 1 HP”:/)
    assert.match(content.text, /Can you deliver 25 pieces to Coimbatore by Friday\?/)
    assert.doesNotMatch(content.text, /shared their contact details/)
    const seller = email('enquiry-message', {
      ...samples['enquiry-message'],
      author: { party: 'seller', businessName: 'Kovai "Pumps" & Co' },
    })
    assert.equal(seller.from?.name, 'Kovai "Pumps" & Co via Mandi')
    assert.match(seller.html, /Kovai &quot;Pumps&quot; &amp; Co/)
  })

  it('asks for a reply by email only while the inbound receiver is on, and on Mandi otherwise', () => {
    const threadUrl = samples['enquiry-message'].threadUrl
    const on = email('enquiry-message', undefined, { ...ctx, repliesByEmail: true })
    assert.match(on.text, /Reply to this email to answer Ravi/)
    assert.match(on.html, /Reply to this email to answer Ravi/)
    assert.doesNotMatch(on.text, /not received/)

    for (const context of [{ ...ctx, repliesByEmail: false }, ctx]) {
      const off = email('enquiry-message', undefined, context)
      for (const part of [off.text, off.html]) {
        assert.doesNotMatch(part, /reply to this email/i)
        assert.match(part, /Replies to this email are not received: answer Ravi on Mandi/)
      }
      assert.ok(off.text.includes(`Reply on Mandi: ${threadUrl}`), off.text)
      assert.match(off.html, new RegExp(`<a href="${threadUrl}"[^>]*>Reply on Mandi</a>`))
    }
    // The new-enquiry mail never invited a reply by email: it is not sent from a relay address.
    for (const repliesByEmail of [true, false]) {
      const received = email('enquiry-received', undefined, { ...ctx, repliesByEmail })
      assert.doesNotMatch(received.text, /reply to this email/i)
      assert.match(received.text, /See it and reply: https:\/\/mandi\.example\/seller\/enquiries\/42/)
    }
  })

  it('carries the buyer’s shared contact details only to the seller, and nothing else personal', () => {
    const schema = messageKinds['enquiry-message'].schema
    const sample = samples['enquiry-message']
    const shared = { email: 'ravi@example.in', phone: '+919876543210' }
    const toSeller = email('enquiry-message', { ...sample, sharedContact: shared })
    assert.match(
      toSeller.text,
      /Ravi shared their contact details with you:\nEmail: ravi@example\.in\nPhone: \+919876543210/,
    )
    assert.match(toSeller.html, /Phone: \+919876543210/)
    const toBuyer = {
      ...sample,
      author: { party: 'seller', businessName: 'Kovai Pumps' },
      sharedContact: shared,
    }
    assert.equal(schema.safeParse(toBuyer).success, false)
    assert.equal(schema.safeParse({ ...sample, buyerEmail: 'ravi@example.in' }).success, false)
    assert.equal(
      schema.safeParse({ ...sample, author: { ...sample.author, firstName: 'Ravi Kumar' } }).success,
      false,
    )
    assert.equal(
      schema.safeParse({ ...sample, author: { ...sample.author, phone: '+919876543210' } }).success,
      false,
    )
    assert.equal(schema.safeParse({ ...sample, sharedContact: { email: null, phone: null } }).success, false)
  })

  it('writes security alerts with the time in IST, the browser and the network prefix, and no secret', () => {
    const device = email('new-device-sign-in')
    assert.equal(device.subject, 'New sign-in to your Mandi account')
    for (const part of [device.text, device.html]) {
      assert.match(part, /7 Dec 2026 at 3:05 pm IST/)
      assert.match(part, /Device: Firefox on Linux/)
      assert.match(part, /Network: 203\.0\.113\.x/)
      assert.ok(part.includes('https://mandi.example/account/security'))
    }
    assert.match(device.text, /for: security and fraud prevention/)
    // A full address or a raw user agent cannot be put in.
    assert.throws(() =>
      email('new-device-sign-in', { ...samples['new-device-sign-in'], network: '203.0.113.77' }),
    )
    assert.throws(() =>
      email('new-device-sign-in', { ...samples['new-device-sign-in'], device: 'x'.repeat(200) }),
    )
    assert.throws(() => email('two-factor-changed', { ...samples['two-factor-changed'], code: '123456' }))
    assert.equal(
      email('new-device-sign-in', {
        ...samples['new-device-sign-in'],
        network: '2001:db8:abcd::',
      }).text.match(/Network: .*/)?.[0],
      'Network: 2001:db8:abcd::/48',
    )
    assert.match(email('two-factor-changed').subject, /Two-factor sign-in is on/)
    assert.match(
      email('two-factor-changed', { ...samples['two-factor-changed'], enabled: false }).text,
      /turned off .* needs only your password/,
    )
    assert.match(email('password-changed').text, /was changed on 7 Dec 2026/)
    assert.match(email('sessions-ended').text, /\(3 sessions\)/)
  })

  it('refuses links that are not http(s), so data cannot smuggle a javascript: URL', () => {
    assert.throws(() =>
      email('password-reset', { ...samples['password-reset'], resetUrl: 'javascript:alert(1)' }),
    )
  })
})
