import type { FastifyReply } from 'fastify'
import type { ComponentChildren, VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

/** Renders a page component to a complete HTML document and sends it. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(renderDocument(page))
}

export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`
}

export type Children = ComponentChildren
