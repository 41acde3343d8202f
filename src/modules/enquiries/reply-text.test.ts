import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractReply, REDACTED, redactContactDetails } from './reply-text.ts'

describe('extractReply', () => {
  it('drops a Gmail "On … wrote:" block and the quoted lines', () => {
    const email = [
      'Dear Sir,',
      '',
      'We can supply 5000 pcs at ₹14.50 per piece, dispatch in 7 days.',
      '',
      'Regards,',
      'Suresh',
      '',
      'On Mon, 3 Mar 2025 at 10:15, Rahul Sharma <rahul.sharma@gmail.com> wrote:',
      '> Please quote for M12 bolts, 5000 pcs.',
      '> Rahul, 9876543210',
    ].join('\r\n')
    assert.equal(
      extractReply(email),
      'Dear Sir,\n\nWe can supply 5000 pcs at ₹14.50 per piece, dispatch in 7 days.\n\nRegards,\nSuresh',
    )
  })

  it('handles a "wrote:" header wrapped over two lines', () => {
    const email =
      'Rate revised to ₹13.75.\n\nOn Tue, Mar 4, 2025 at 9:02 AM Priya Exports <\npriya@sharmaexports.in> wrote:\n> ok'
    assert.equal(extractReply(email), 'Rate revised to ₹13.75.')
  })

  it('understands Indian-English and Hindi variants', () => {
    for (const header of [
      'On 04/03/2025, 11:20 am, Ramesh Patel has written:',
      'On 4 March 2025 at 11:20 IST, Ramesh Patel <ramesh@patelsteel.in> writes:',
      'Ramesh Patel wrote on 04-03-2025 11:20:',
      'मंगल, 4 मार्च 2025 को 11:20 am बजे Ramesh Patel <ramesh@patelsteel.in> ने लिखा:',
    ]) {
      assert.equal(
        extractReply(`Noted, will send the sample.\n\n${header}\n> earlier text`),
        'Noted, will send the sample.',
        header,
      )
    }
  })

  it('drops an Outlook original message and a From/Sent header block', () => {
    const outlook = 'PFA the quote.\n\n-----Original Message-----\nFrom: Rahul\nSent: 3 March 2025\nhello'
    assert.equal(extractReply(outlook), 'PFA the quote.')
    const block = [
      'Yes, ISI marked.',
      '',
      '________________________________',
      'From: Rahul Sharma <rahul.sharma@gmail.com>',
      'Sent: Monday, March 3, 2025 10:15 AM',
      'To: e-abc@relay.example.in',
      'Subject: Enquiry',
    ].join('\n')
    assert.equal(extractReply(block), 'Yes, ISI marked.')
    const bare =
      'Yes, ISI marked.\n\nFrom: Rahul Sharma <rahul.sharma@gmail.com>\nDate: 3 March 2025\nSubject: Enquiry\n\nold'
    assert.equal(extractReply(bare), 'Yes, ISI marked.')
  })

  it('keeps a sentence that merely starts with "From:" or "On"', () => {
    const text = 'From: our Rajkot unit, dispatch is faster.\nOn the price, we cannot go lower than ₹14.'
    assert.equal(extractReply(text), text)
  })

  it('removes signatures and mobile footers', () => {
    assert.equal(
      extractReply('Confirmed.\n-- \nSuresh Kumar\nKumar Fasteners\n+91 98765 43210'),
      'Confirmed.',
    )
    assert.equal(extractReply('Confirmed.\n\nSent from my iPhone'), 'Confirmed.')
    assert.equal(extractReply('Ok ji\n\nSent from my Mi phone'), 'Ok ji')
    assert.equal(extractReply('Ok\nGet Outlook for Android'), 'Ok')
  })

  it('drops interleaved quoted lines but keeps the answers', () => {
    assert.equal(extractReply('> MOQ?\n500 pcs\n> Lead time?\n10 days'), '500 pcs\n10 days')
  })

  it('returns an empty string when everything was quoted', () => {
    assert.equal(extractReply('> only quoted\n> text'), '')
  })
})

describe('redactContactDetails', () => {
  const known = { emails: ['Rahul.Sharma@gmail.com'], phones: ['+91 98765 43210'] }

  it('removes the parties’ numbers in any formatting', () => {
    for (const written of [
      '9876543210',
      '+91 98765 43210',
      '09876543210',
      '+91-98765-43210',
      '987 654 3210',
      '0091 9876543210',
    ]) {
      assert.equal(redactContactDetails(`Call ${written} today`, known), `Call ${REDACTED} today`, written)
    }
    assert.equal(redactContactDetails('Mob9876543210', known), `Mob${REDACTED}`)
  })

  it('removes the parties’ emails, plain or spelt out, in any case', () => {
    assert.equal(redactContactDetails('mail RAHUL.SHARMA@GMAIL.COM', known), `mail ${REDACTED}`)
    assert.equal(redactContactDetails('mail rahul.sharma at gmail dot com', known), `mail ${REDACTED}`)
  })

  it('removes WhatsApp links to a known number', () => {
    assert.equal(redactContactDetails('ping wa.me/919876543210 ok', known), `ping ${REDACTED} ok`)
  })

  it('leaves other people’s details and trade figures alone', () => {
    const text = 'Our transporter is on 9123456780, rate ₹12,50,000, 5000 pcs, GSTIN 27AAPFU0939F1ZV.'
    assert.equal(redactContactDetails(text, known), text)
  })
})
