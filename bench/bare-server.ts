// The baseline: a bare node:http server that answers every request with the same bytes the app
// sent for a page. Usage: node bench/bare-server.ts <port> <body-file> <content-type>
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [port = '0', file = '', contentType = 'text/html; charset=utf-8'] = process.argv.slice(2)
const body = readFileSync(file)
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': contentType, 'content-length': body.length })
  response.end(body)
})
server.listen(Number(port), '127.0.0.1', () => console.log('ready'))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
