import type { App } from '../../app.ts'
import type { ApiRegistry } from './api-registry.ts'

export function catalogRoutes(_api: ApiRegistry, _app: App) {}
