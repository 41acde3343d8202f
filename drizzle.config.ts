import { defineConfig } from 'drizzle-kit'

// drizzle-kit finds every module's tables by glob, so no file has to import every module.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/*.tables.ts',
  out: './drizzle',
})
