import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'

export function infoPages(_server: FastifyInstance, _app: App) {}
