import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import sharp, { type Metadata } from 'sharp'
import type { App } from '../app.ts'
import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import { AppError } from '../shared/errors.ts'

// Uploaded images live on local disk under DATA_DIR/uploads (DESIGN.md §6) and are served from
// /uploads/. Only files this code wrote are there: re-encoded, renamed by content hash, no metadata.

export const logoRules = {
  maxBytes: 2 * 1024 * 1024,
  maxSide: 4000,
  size: 256,
  formats: ['png', 'jpeg', 'webp'],
} as const

const formatNames: Record<string, string> = {
  gif: 'GIF image',
  bmp: 'BMP image',
  tiff: 'TIFF image',
  heif: 'HEIC/HEIF photo',
  pdf: 'PDF document',
  svg: 'SVG drawing',
}

export function uploadsDir(app: Pick<App, 'config'>): string {
  return path.join(app.config.dataDir, 'uploads')
}

/** The public address of a stored upload ("logos/12-ab….webp" → "/uploads/logos/12-ab….webp"). */
export function uploadUrl(storedPath: string): string {
  return `/uploads/${storedPath}`
}

function logoError(code: string, message: string) {
  return new AppError('invalid', code, message, { fields: { logo: message } })
}

/** For an upload cut off at the size limit, before its bytes are looked at. */
export function logoTooLarge() {
  return logoError(
    'logo_too_large',
    'This file is larger than 2 MB. Save the logo smaller and upload it again.',
  )
}

// What the first bytes say a file is. Only the accepted formats ever reach an image decoder; the
// others are named so that the message can say what the file really is.
function sniffImage(bytes: Buffer): string | undefined {
  const ascii = (from: number, to: number) => bytes.subarray(from, to).toString('latin1')
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp'
  if (ascii(0, 4) === 'GIF8') return 'gif'
  if (ascii(0, 2) === 'BM') return 'bmp'
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return 'tiff'
  if (ascii(4, 8) === 'ftyp') return 'heif'
  if (ascii(0, 4) === '%PDF') return 'pdf'
  if (/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(ascii(0, 512))) return 'svg'
  return undefined
}

/**
 * Checks an uploaded logo by its bytes (never its name or declared type) and makes the image we
 * serve: 256×256 WebP, orientation applied, every metadata block (EXIF, GPS, XMP, ICC) left out.
 * Throws AppError invalid with a message on the `logo` field.
 */
export async function prepareLogo(bytes: Buffer): Promise<{ webp: Buffer; hash: string }> {
  if (bytes.length === 0) throw logoError('logo_missing', 'Choose an image file to upload.')
  if (bytes.length > logoRules.maxBytes) throw logoTooLarge()
  const sniffed = sniffImage(bytes)
  if (!sniffed) {
    throw logoError(
      'logo_not_an_image',
      'This file is not a PNG, JPEG or WebP image, whatever its name says. Upload the logo as a PNG, JPEG or WebP file.',
    )
  }
  if (!(logoRules.formats as readonly string[]).includes(sniffed)) {
    const name = formatNames[sniffed] ?? sniffed.toUpperCase()
    throw logoError(
      'logo_wrong_type',
      `This file is a ${name}. Upload the logo as a PNG, JPEG or WebP image.`,
    )
  }
  // sharp reads the header and must agree with the first bytes; a file that only starts like an image fails here.
  const metadata: Metadata | undefined = await sharp(bytes)
    .metadata()
    .catch(() => undefined)
  if (metadata?.format !== sniffed) {
    throw logoError(
      'logo_unreadable',
      'This image is damaged or incomplete. Save it again and upload the new file.',
    )
  }
  const { width = 0, height = 0 } = metadata
  if (width < 1 || height < 1 || width > logoRules.maxSide || height > logoRules.maxSide) {
    throw logoError(
      'logo_too_many_pixels',
      `This image is ${width} × ${height} pixels; the largest we accept is ${logoRules.maxSide} × ${logoRules.maxSide}. Resize it and upload it again.`,
    )
  }
  try {
    const webp = await sharp(bytes, {
      limitInputPixels: logoRules.maxSide * logoRules.maxSide,
      failOn: 'error',
    })
      .rotate()
      .resize(logoRules.size, logoRules.size, {
        fit: 'contain',
        background: { r: 255, g: 255, b: 255, alpha: 0 },
      })
      .webp({ quality: 86 })
      .toBuffer()
    return { webp, hash: createHash('sha256').update(webp).digest('hex').slice(0, 16) }
  } catch {
    throw logoError(
      'logo_unreadable',
      'This image is damaged or incomplete. Save it again and upload the new file.',
    )
  }
}

/**
 * Stores a business's logo as logos/<businessId>-<contenthash>.webp, points the business at it
 * and removes the file it replaces. Throws what prepareLogo throws.
 */
export async function saveBusinessLogo(
  db: Db,
  dir: string,
  businessId: number,
  bytes: Buffer,
): Promise<string> {
  const { webp, hash } = await prepareLogo(bytes)
  const stored = `logos/${businessId}-${hash}.webp`
  const file = path.join(dir, stored)
  await mkdir(path.dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  await writeFile(partial, webp)
  await rename(partial, file)
  const old = await accounts.setBusinessLogo(db, businessId, stored)
  if (old && old !== stored && STORED_LOGO.test(old)) await rm(path.join(dir, old), { force: true })
  return stored
}

const STORED_LOGO = /^logos\/\d+-[0-9a-f]{16}\.webp$/

/** Serves stored uploads at /uploads/. Names carry a content hash, so browsers may keep them for a year. */
export function registerUploads(server: FastifyInstance, app: App) {
  const root = uploadsDir(app)
  mkdirSync(root, { recursive: true })
  server.register(fastifyStatic, {
    root,
    prefix: '/uploads/',
    decorateReply: false,
    maxAge: '365d',
    immutable: true,
    index: false,
    list: false,
    dotfiles: 'deny',
    allowedPath: (pathName) => STORED_LOGO.test(pathName.replace(/^\//, '')),
  })
}
