import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { makeGstin } from '#src/shared/gstin.ts'
import { stateCodeOf } from '#src/shared/india.ts'
import type { TopCategoryDef } from './catalogue.ts'
import { type City, cities, nameStarts, people } from './places.ts'
import { createRandom, type Random } from './random.ts'
import { joinList, slugify } from './text.ts'

export const businessTypes = ['manufacturer', 'wholesaler', 'trader', 'exporter', 'distributor'] as const
export type BusinessType = (typeof businessTypes)[number]

/** C company, F firm (partnership or LLP), P proprietor: the 4th character of the PAN says which. */
type Entity = 'C' | 'F' | 'P'

export interface DemoSeller {
  owner: { name: string; email: string; phone: string; createdAt: Date }
  business: {
    slug: string
    legalName: string
    tradeName: string
    gstin: string
    gstinVerifiedAt: Date | null
    pan: string
    businessType: BusinessType
    yearEstablished: number
    description: string
    addressLine1: string
    city: string
    state: string
    pin: string
    phone: string
    email: string
    createdAt: Date
  }
  /** Subcategory slugs this seller lists products in. */
  sells: string[]
  /** Relative share of the products; a few sellers list many, most list a few. */
  weight: number
}

const DAY = 86_400_000
const typeWeights = [40, 14, 18, 12, 16]
const tradingWords = [
  'Traders',
  'Agencies',
  'Enterprises',
  'Trading Co.',
  'Sales Corporation',
  'Industrial Supplies',
]

/**
 * Sellers number `from`, `from + 1`, …: the number fixes the PAN, GSTIN, slug and email, so sellers
 * from later seed runs (which start after the existing ones) never collide with earlier ones.
 * Generated one at a time, so a large seed never holds them all.
 */
export function* sellerStream(
  seed: number,
  from: number,
  count: number,
  catalogue: readonly TopCategoryDef[],
  now: Date,
): Generator<DemoSeller> {
  const rng = createRandom(seed, 'sellers', from)
  const cityWeights = cities.map((c) => c.weight)
  for (let i = 0; i < count; i++) {
    const city = rng.weighted(cities, cityWeights)
    const top = rng.weighted(
      catalogue,
      catalogue.map((c) => (city.known.includes(c.slug) ? 5 : 1)),
    )
    const businessType = rng.weighted(businessTypes, typeWeights)
    yield makeSeller(rng, from + i, city, top, catalogue, businessType, now)
  }
}

export function generateSellers(
  seed: number,
  from: number,
  count: number,
  catalogue: readonly TopCategoryDef[],
  now: Date,
): DemoSeller[] {
  return [...sellerStream(seed, from, count, catalogue, now)]
}

function makeSeller(
  rng: Random,
  index: number,
  city: City,
  top: TopCategoryDef,
  catalogue: readonly TopCategoryDef[],
  businessType: BusinessType,
  now: Date,
): DemoSeller {
  const { given, surnames } = people[city.region]
  const firstName = rng.pick(given)
  const surname = rng.pick(surnames)
  const entity = pickEntity(rng, businessType)
  const { tradeName, legalName } = makeName(
    rng,
    entity,
    businessType,
    top,
    surname,
    `${firstName} ${surname}`,
  )
  const stateCode = stateCodeOf(city.state)
  if (!stateCode) throw new Error(`No GST state code for ${city.state}`)
  const pan = makePan(index, entity, entity === 'P' ? surname : tradeName, rng)
  const [area, pin] = rng.pick(city.areas)
  const yearEstablished = 2023 - Math.floor(58 * rng.next() ** 1.5)
  const createdAt = new Date(now.getTime() - (730 + rng.int(0, 900)) * DAY - rng.int(0, DAY))
  const domain = `${slugify(tradeName).replace(/-/g, '').slice(0, 32)}-${index.toString(36)}.example`

  const own = rng.sample(top.subcategories, rng.int(2, Math.min(5, top.subcategories.length)))
  if (rng.chance(0.25) || businessType === 'distributor') {
    const other = rng.pick(catalogue.filter((c) => c !== top))
    own.push(...rng.sample(other.subcategories, rng.int(1, 2)))
  }

  return {
    owner: {
      name: `${firstName} ${surname}`,
      email: `${slugify(firstName)}.${slugify(surname)}@${domain}`,
      phone: mobileNumber(rng),
      createdAt,
    },
    business: {
      slug: `${slugify(tradeName)}-${slugify(city.name)}-${index.toString(36)}`,
      legalName,
      tradeName,
      gstin: makeGstin(stateCode, pan, rng.chance(0.9) ? '1' : '2'),
      gstinVerifiedAt: rng.chance(0.88) ? new Date(createdAt.getTime() + rng.int(1, 10) * DAY) : null,
      pan,
      businessType,
      yearEstablished,
      description: describeBusiness(
        rng,
        businessType,
        own.map((s) => s.name),
        yearEstablished,
        area,
        city,
      ),
      addressLine1: `${rng.pick(['Plot No.', 'Shed No.', 'Gala No.', 'Unit No.', 'Survey No.', 'Shop No.'])} ${rng.int(1, 480)}, ${area}`,
      city: city.name,
      state: city.state,
      pin,
      phone: mobileNumber(rng),
      email: `${rng.pick(['sales', 'info', 'enquiry', 'contact'])}@${domain}`,
      createdAt,
    },
    sells: own.map((s) => s.slug),
    weight: 0.25 - Math.log(1 - rng.next()),
  }
}

function pickEntity(rng: Random, type: BusinessType): Entity {
  const weights = type === 'manufacturer' || type === 'exporter' ? [45, 30, 25] : [15, 30, 55]
  return rng.weighted(['C', 'F', 'P'] as const, weights)
}

function makeName(
  rng: Random,
  entity: Entity,
  type: BusinessType,
  top: TopCategoryDef,
  surname: string,
  ownerName: string,
): { tradeName: string; legalName: string } {
  const start = rng.chance(0.2) ? surname : rng.pick(nameStarts)
  const trading = type !== 'manufacturer' && rng.chance(0.45)
  const word =
    type === 'exporter' && rng.chance(0.4)
      ? 'Exports'
      : trading
        ? rng.pick(tradingWords)
        : rng.pick(top.sellerWords)
  if (entity === 'C') {
    const name = `${start} ${word} Pvt. Ltd.`
    return { tradeName: name, legalName: name }
  }
  if (entity === 'F') {
    const name =
      start === surname && rng.chance(0.5)
        ? `${surname} ${rng.pick(['Brothers', '& Sons', '& Co.'])}`
        : `${start} ${word}${rng.chance(0.3) ? ' LLP' : ''}`
    return { tradeName: name, legalName: name }
  }
  // A proprietorship's legal name is the proprietor's own; the shop trades under its own name.
  return { tradeName: `${start} ${word}`, legalName: ownerName }
}

// 25 × 26 × 26 three-letter prefixes (never starting with A: the fixed demo business uses A) × 9,999
// serial numbers. The multiplier is coprime with the modulus, so distinct indexes give distinct PANs.
const PAN_SPACE = 25 * 26 * 26 * 9999
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

function makePan(index: number, entity: Entity, name: string, rng: Random): string {
  const n = (index * 48271 + 7919) % PAN_SPACE
  const serial = (n % 9999) + 1
  let rest = Math.floor(n / 9999)
  const third = LETTERS[rest % 26]
  rest = Math.floor(rest / 26)
  const second = LETTERS[rest % 26]
  const first = LETTERS[1 + Math.floor(rest / 26)]
  const initial = (name.match(/[A-Z]/)?.[0] ?? 'X').toUpperCase()
  return `${first}${second}${third}${entity}${initial}${String(serial).padStart(4, '0')}${LETTERS[rng.int(0, 25)]}`
}

/**
 * An Indian mobile number, one the SMS validator accepts: a random ten digits starting 6–9 is a
 * landline about one time in seven (some 6/7/8 series are fixed-line), and a seller with one
 * cannot get lead alerts. The same draws are made either way, so the rest of the demo data does
 * not shift; a landline is turned into a mobile number by trying other leading digits.
 */
function mobileNumber(rng: Random): string {
  const lead = rng.pick(['9', '8', '7', '6'])
  const rest = String(rng.int(0, 999_999_999)).padStart(9, '0')
  for (const first of [lead, '9', '8', '7', '6']) {
    const candidate = `+91${first}${rest}`
    if (isMobile(candidate)) return candidate
  }
  // Unreachable with today's numbering plan (every 9-series number is mobile); kept total anyway.
  return `+9198${rest.slice(1)}`
}

function isMobile(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164)
  const type = parsed?.isValid() ? parsed.getType() : undefined
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
}

function describeBusiness(
  rng: Random,
  type: BusinessType,
  lines: string[],
  year: number,
  area: string,
  city: City,
): string {
  const what = joinList(lines.map((l) => l.toLowerCase()))
  const role = {
    manufacturer: rng.pick(['Manufacturer of', 'Manufacturer and supplier of', 'We design and manufacture']),
    wholesaler: rng.pick(['Wholesaler of', 'Wholesale dealer in']),
    trader: rng.pick(['Trader and stockist of', 'Dealer in', 'Supplier of']),
    exporter: rng.pick(['Manufacturer and exporter of', 'Exporter of']),
    distributor: rng.pick(['Authorised distributor and stockist of', 'Distributor of']),
  }[type]
  const first = `${role} ${what}, ${rng.chance(0.5) ? `since ${year}` : `established in ${year}`}, from ${area}, ${city.name}.`
  const second = rng.pick([
    `We serve OEMs, contractors and plant maintenance teams across ${city.state} and neighbouring states.`,
    'Ready stock, quick dispatch and GST invoices on every order.',
    'Quality checked in-house; test certificates are supplied on request.',
    'Supplying industries across India, with a focus on dependable quality and on-time delivery.',
    'Bulk orders, rate contracts and export enquiries welcome.',
  ])
  return rng.chance(0.8) ? `${first} ${second}` : first
}
