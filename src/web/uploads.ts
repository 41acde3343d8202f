import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import type { App } from '../app.ts'
import type { Db } from '../db/database.ts'
import * as accounts from '../modules/accounts/index.ts'
import { AppError } from '../shared/errors.ts'
import { type ImageLimits, inspectImage, tooLargeMessage } from '../shared/images.ts'

// Uploaded images live on local disk under DATA_DIR/uploads (DESIGN.md §6) and are served from
// /uploads/. Only files this code wrote are there: re-encoded, renamed by content hash, no metadata.

export const logoRules = {
  maxBytes: 2 * 1024 * 1024,
  maxSide: 4000,
  size: 256,
  formats: ['png', 'jpeg', 'webp'],
} as const

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
  return logoError('logo_too_large', tooLargeMessage(logoLimits))
}

const logoLimits: ImageLimits = { noun: 'logo', maxBytes: logoRules.maxBytes, maxSide: logoRules.maxSide }

/**
 * Checks an uploaded logo by its bytes (never its name or declared type) and makes the image we
 * serve: 256×256 WebP, orientation applied, every metadata block (EXIF, GPS, XMP, ICC) left out.
 * Throws AppError invalid with a message on the `logo` field.
 */
export async function prepareLogo(bytes: Buffer): Promise<{ webp: Buffer; hash: string }> {
  const inspection = await inspectImage(bytes, logoLimits)
  if (!inspection.ok) throw logoError(`logo_${inspection.problem}`, inspection.message)
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
