import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import { businesses } from '#src/modules/accounts/accounts.tables.ts'
import { buildBusiness } from '#test/factories.ts'
import { testDatabaseKind, useTestDb } from '#test/setup.ts'
import { logoRules, prepareLogo, saveBusinessLogo } from './uploads.ts'

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 11, g: 61, b: 122, alpha: 1 } } })

describe('prepareLogo', () => {
  it('turns a PNG into a 256 × 256 WebP', async () => {
    const { webp, hash } = await prepareLogo(await solid(600, 300).png().toBuffer())
    const meta = await sharp(webp).metadata()
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', logoRules.size, logoRules.size])
    assert.match(hash, /^[0-9a-f]{16}$/)
  })

  it('accepts JPEG and WebP, and leaves out EXIF and ICC metadata', async () => {
    const jpeg = await solid(800, 800)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'Sundaram Pumps', Artist: 'Priya' } } })
      .toBuffer()
    assert.ok((await sharp(jpeg).metadata()).exif, 'the test image carries EXIF')
    const fromJpeg = await sharp((await prepareLogo(jpeg)).webp).metadata()
    assert.equal(fromJpeg.exif, undefined)
    assert.equal(fromJpeg.icc, undefined)
    const fromWebp = await sharp((await prepareLogo(await solid(300, 300).webp().toBuffer())).webp).metadata()
    assert.equal(fromWebp.format, 'webp')
  })

  it('refuses a text file whatever its name, and says so', async () => {
    await assert.rejects(
      prepareLogo(Buffer.from('This is my logo, honestly.\n')),
      (error: Error & { code?: string; fields?: Record<string, string> }) => {
        assert.equal(error.code, 'logo_not_an_image')
        assert.match(error.fields?.logo ?? '', /not a PNG, JPEG or WebP image, whatever its name says/)
        return true
      },
    )
  })

  it('names formats it does not accept', async () => {
    await assert.rejects(prepareLogo(await solid(40, 40).gif().toBuffer()), {
      code: 'logo_wrong_type',
      message: /GIF image/,
    })
    await assert.rejects(prepareLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>')), {
      code: 'logo_wrong_type',
      message: /SVG drawing/,
    })
  })

  it('refuses images over 4000 × 4000 pixels and files over 2 MB', async () => {
    const huge = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer()
    assert.ok(huge.length < logoRules.maxBytes, 'small in bytes, large in pixels')
    await assert.rejects(prepareLogo(huge), { code: 'logo_too_many_pixels', message: /5000 × 5000 pixels/ })
    await assert.rejects(prepareLogo(Buffer.alloc(logoRules.maxBytes + 1, 1)), { code: 'logo_too_large' })
  })

  it('refuses a file that only starts like a PNG', async () => {
    const png = await solid(100, 100).png().toBuffer()
    await assert.rejects(
      prepareLogo(Buffer.concat([png.subarray(0, 8), Buffer.from('garbage'.repeat(20))])),
      {
        code: 'logo_unreadable',
      },
    )
  })
})

describe(`saveBusinessLogo (${testDatabaseKind})`, () => {
  const ctx = useTestDb()

  it('stores <businessId>-<hash>.webp, points the business at it and removes the logo it replaces', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mandi-uploads-'))
    const business = await buildBusiness(ctx.db)
    const first = await saveBusinessLogo(ctx.db, dir, business.id, await solid(300, 300).png().toBuffer())
    assert.match(first, new RegExp(`^logos/${business.id}-[0-9a-f]{16}\\.webp$`))
    assert.equal((await sharp(readFileSync(path.join(dir, first))).metadata()).width, 256)
    const [row] = await ctx.db
      .select({ logoPath: businesses.logoPath })
      .from(businesses)
      .where(eq(businesses.id, business.id))
    assert.equal(row!.logoPath, first)

    const red = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#c2410c' } })
      .png()
      .toBuffer()
    const second = await saveBusinessLogo(ctx.db, dir, business.id, red)
    assert.notEqual(second, first)
    assert.ok(existsSync(path.join(dir, second)))
    assert.ok(!existsSync(path.join(dir, first)), 'the replaced logo is deleted')
  })
})
