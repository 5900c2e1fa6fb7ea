import { defineConfig } from 'drizzle-kit';

// The same schema and migrations serve PostgreSQL (production) and PGlite (the embedded default).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
