import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { findContactDetails } from './contact-detection.ts'

const kinds = (text: string) => findContactDetails(text).map((m) => `${m.kind}:${m.match}`)

describe('findContactDetails flags contact details', () => {
  const flagged: [string, string[]][] = [
    ['Please mail the drawing to rahul.sharma@gmail.com by Monday.', ['email:rahul.sharma@gmail.com']],
    ['You can write to purchase at tatasteel dot com', ['email:purchase at tatasteel dot com']],
    ['mail me: priya[at]sharmaexports[dot]in', ['email:priya[at]sharmaexports[dot]in']],
    [
      'Contact: sales (at) bharatbearings (dot) co (dot) in',
      ['email:sales (at) bharatbearings (dot) co (dot) in'],
    ],
    ['id is vikas at gmail.com', ['email:vikas at gmail.com']],
    ['Call me on 9876543210 for the rate.', ['phone:9876543210']],
    ['My number: +91 98765 43210', ['phone:+91 98765 43210']],
    ['Mob. +91-98765-43210 (Rakesh)', ['phone:+91-98765-43210']],
    ['whatsapp pe bhejo 98765 43210', ['phone:98765 43210']],
    ['ring 098765 43210 after 6 pm', ['phone:098765 43210']],
    ['call 09876543210', ['phone:09876543210']],
    ['my no. is 9 8 7 6 5 4 3 2 1 0', ['phone:9 8 7 6 5 4 3 2 1 0']],
    ['number 987-654-3210 only on weekdays', ['phone:987-654-3210']],
    ['try 98.76.54.32.10', ['phone:98.76.54.32.10']],
    ['Office: 020-2567 8901, Pune', ['phone:020-2567 8901']],
    ['Landline (044) 2345 6789', ['phone:(044) 2345 6789']],
    ['Call 0091 98765 43210 from abroad', ['phone:0091 98765 43210']],
    ['Ping me on wa.me/919876543210 for photos', ['whatsapp:wa.me/919876543210']],
    [
      'https://api.whatsapp.com/send?phone=919876543210',
      ['whatsapp:https://api.whatsapp.com/send?phone=919876543210'],
    ],
    ['See our site www.shreeganeshpipes.com.', ['url:www.shreeganeshpipes.com']],
    ['Full catalogue: https://example.in/catalogue.pdf', ['url:https://example.in/catalogue.pdf']],
    ['Visit balajifasteners.co.in for the price list', ['url:balajifasteners.co.in']],
    ['Send 9876543210 500 pcs sample first', ['phone:9876543210']],
    [
      'Rate ₹1,250 per kg, 5000 pcs. Call 9876543210 or mail a.k@yahoo.co.in',
      ['phone:9876543210', 'email:a.k@yahoo.co.in'],
    ],
  ]
  for (const [text, expected] of flagged) {
    it(`flags "${text}"`, () => assert.deepEqual(kinds(text), expected))
  }

  it('reports where each match starts', () => {
    const text = 'Call 9876543210 now'
    const [match] = findContactDetails(text)
    assert.equal(text.slice(match!.index, match!.index + match!.match.length), '9876543210')
  })
})

describe('findContactDetails leaves trade talk alone', () => {
  const clean = [
    'Our GSTIN is 27AAPFU0939F1ZV and the invoice will carry it.',
    'Price ₹12,50,000 for the full lot, ex-works.',
    'Rs. 9876543210 is obviously not a price but should not be a phone either',
    'Need 5000 pcs of M12x1.5 hex bolts, grade 8.8, zinc plated.',
    'Size 40 mm x 140 mm, length 6000 mm.',
    'Bearing 6206 2RS and 6207 ZZ, 200 nos each.',
    'Deliver to PIN 411001, Pune. Dispatch by 12/03/2025.',
    'Delivery date 12-03-2025 or 15.04.2025 at the latest.',
    'HSN 84821011, GST 18%.',
    'Rates: 12.50 18.75 22.00 35.40 per kg for the four grades.',
    'Quantities 1000 2000 5000 10000 pcs across the year.',
    'Sizes 600 700 8000 pcs in three lots.',
    'MOQ 100 kg, lead time 15 days, payment 30 days credit.',
    'We meet at the plant at 10:30 on 05.06.2025.',
    'SS 304 sheet 2 mm x 1250 mm x 2500 mm, 3 tonnes.',
    'Order no 2024-0012345 dated 01-02-2025.',
    'Account 50100123456789, IFSC HDFC0001234.',
    'Cable 3.5 core 240 sq mm, 500 m drums.',
    'Please quote for 1.5 ton split AC, 5 star, 20 units.',
    'We are at Bhiwandi, near the toll naka; delivery at site only.',
    'Shaft dia 25 h7, keyway 8 x 7, tolerance 0.02.',
    'Motor 7.5 kW 1440 rpm foot mounted, IE3.',
    'Bag size 50 x 90 cm, 120 gsm, 25 kg capacity, 10000 nos.',
    'Invoice value ₹ 9,87,654.32 including freight.',
    'Model number XR-9876543 and part 7000-12345.',
    'Tolerances 0.02 0.05 0.10 mm; rates 0.75 1.25 2.50 3.75 7.50 per piece.',
    '0.5 0.75 1.0 1.5 2.5 4 6 10 sq mm wire',
    'Qty 60000 40000 in two lots; sizes 6 8 10 12 16 20 25 32.',
  ]
  for (const text of clean) {
    it(`does not flag "${text}"`, () => assert.deepEqual(kinds(text), []))
  }

  it('never flags prose made of catalogue words and trade figures', () => {
    const words = [
      'bolt',
      'nut',
      'washer',
      'bearing',
      'pipe',
      'flange',
      'valve',
      'steel',
      'SS',
      '304',
      'MS',
      'GI',
      'grade',
      'zinc',
      'plated',
      'hex',
      'M12',
      'M16x1.5',
      '6206',
      '2RS',
      'ZZ',
      'mm',
      'kg',
      'pcs',
      'nos',
      'tonnes',
      'ISI',
      'quote',
      'rate',
      'per',
      'for',
      'at',
      'in',
      'delivery',
      'Pune',
      'Ludhiana',
      'Rajkot',
      'ex-works',
      'GST',
      '18%',
      'MOQ',
      'lead',
      'time',
      'days',
      'x',
      'dia',
      'length',
      'sheet',
      'coil',
      'drum',
      '₹1,250',
      '₹12,50,000',
      '5000',
      '40',
      '140',
      '2.5',
      'sample',
      'dispatch',
      'by',
      '12/03/2025',
      'PIN',
      '411001',
      'HSN',
      '7318',
      'IS',
      '1367',
      'class',
      '8.8',
      'urgent',
      'required',
      'monthly',
      'need',
      'with',
      'test',
      'certificate',
    ]
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(' ', ', ', '. '),
        (picked, glue) => {
          const text = picked.join(glue)
          assert.deepEqual(kinds(text), [], text)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
