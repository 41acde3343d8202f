import sharp from 'sharp'

// Checks an uploaded image by its bytes, never by its name or declared type, before anything is
// stored. Only PNG, JPEG and WebP ever reach a decoder; other formats are recognised by their
// first bytes so the message can say what the file really is.

const described = {
  png: 'PNG image',
  jpeg: 'JPEG image',
  webp: 'WebP image',
  gif: 'GIF image',
  bmp: 'BMP image',
  tiff: 'TIFF image',
  heif: 'HEIC/HEIF photo',
  pdf: 'PDF document',
  svg: 'SVG drawing',
} as const
type SniffedFormat = keyof typeof described
const accepted: readonly SniffedFormat[] = ['png', 'jpeg', 'webp']

export function sniffImageFormat(bytes: Buffer): SniffedFormat | undefined {
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

export interface ImageLimits {
  /** What the picture is, in messages: 'photo', 'logo'. */
  noun: string
  maxBytes: number
  /** Largest width × height; and/or the largest side. */
  maxPixels?: number
  maxSide?: number
}

export type ImageProblem = 'missing' | 'too_large' | 'not_an_image' | 'wrong_type' | 'unreadable' | 'too_many_pixels'

export type ImageInspection =
  | { ok: true; format: 'png' | 'jpeg' | 'webp'; width: number; height: number; orientation: number }
  | { ok: false; problem: ImageProblem; message: string }

/** The message for an upload cut off at the size limit before its bytes were read. */
export function tooLargeMessage(limits: ImageLimits): string {
  return `This file is larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MB. Save the ${limits.noun} smaller and upload it again.`
}

/** Decides whether the bytes are an image we accept, with a message a person can act on when not. */
export async function inspectImage(bytes: Buffer, limits: ImageLimits): Promise<ImageInspection> {
  const fail = (problem: ImageProblem, message: string) => ({ ok: false, problem, message }) as const
  if (bytes.length === 0) return fail('missing', `Choose an image file for the ${limits.noun}.`)
  if (bytes.length > limits.maxBytes) return fail('too_large', tooLargeMessage(limits))
  const sniffed = sniffImageFormat(bytes)
  if (!sniffed) {
    return fail(
      'not_an_image',
      `This file is not a PNG, JPEG or WebP image, whatever its name says. Upload the ${limits.noun} as a PNG, JPEG or WebP file.`,
    )
  }
  if (!accepted.includes(sniffed)) {
    return fail('wrong_type', `This file is a ${described[sniffed]}. Upload the ${limits.noun} as a PNG, JPEG or WebP image.`)
  }
  // sharp reads the header and must agree with the first bytes; a file that only starts like an image fails here.
  const metadata = await sharp(bytes)
    .metadata()
    .catch(() => undefined)
  if (metadata?.format !== sniffed) {
    return fail('unreadable', 'This image is damaged or incomplete. Save it again and upload the new file.')
  }
  const { width = 0, height = 0 } = metadata
  const tooWide = limits.maxSide !== undefined && (width > limits.maxSide || height > limits.maxSide)
  const tooMany = limits.maxPixels !== undefined && width * height > limits.maxPixels
  if (width < 1 || height < 1 || tooWide || tooMany) {
    const most = limits.maxSide
      ? `the largest we accept is ${limits.maxSide} × ${limits.maxSide}`
      : `the most we accept is ${Math.round((limits.maxPixels ?? 0) / 1_000_000)} megapixels`
    return fail('too_many_pixels', `This image is ${width} × ${height} pixels; ${most}. Resize it and upload it again.`)
  }
  return { ok: true, format: sniffed as 'png' | 'jpeg' | 'webp', width, height, orientation: metadata.orientation ?? 1 }
}
