import { defineConfig } from 'drizzle-kit';

// `npm run generate -w packages/db` writes SQL migrations for schema changes into ./drizzle.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
});
