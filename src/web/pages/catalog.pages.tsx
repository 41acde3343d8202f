import type { FastifyInstance } from 'fastify'
import type { App } from '../../app.ts'

export function catalogPages(_server: FastifyInstance, _app: App) {}
