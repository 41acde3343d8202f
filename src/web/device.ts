import UAParser from 'ua-parser-js'

/** "Chrome on Windows", "Safari on iPhone": how a session's device is shown to its owner. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device'
  const parsed = new UAParser(userAgent).getResult()
  const browser = parsed.browser.name ?? 'A browser'
  const os = parsed.device.model && parsed.device.type === 'mobile' ? parsed.device.model : parsed.os.name
  return os ? `${browser} on ${os}` : browser
}
