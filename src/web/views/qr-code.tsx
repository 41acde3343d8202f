import { correction, generate } from 'lean-qr'
import { toSvgPath } from 'lean-qr/extras/svg'

// A QR code as inline SVG, drawn on the server (lean-qr, MIT, no dependencies): no script, no
// image request, and it prints. The quiet zone of 4 modules the standard asks for is included.

const QUIET_ZONE = 4

/** The SVG path (one `d` attribute) of the QR code of `data`; the same string for the same data. */
export function qrPath(data: string): { path: string; size: number } {
  const code = generate(data, { minCorrectionLevel: correction.M })
  return { path: toSvgPath(code), size: code.size }
}

export function QrCode(props: { data: string; label: string; pixels?: number }) {
  const { path, size } = qrPath(props.data)
  const side = size + 2 * QUIET_ZONE
  return (
    <svg
      class="qr-code"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      width={props.pixels ?? 200}
      height={props.pixels ?? 200}
      role="img"
      aria-label={props.label}
      shape-rendering="crispEdges"
    >
      <title>{props.label}</title>
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  )
}
