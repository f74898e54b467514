import { defineConfig } from "drizzle-kit";

// drizzle-kit writes SQL migrations into d1/migrations; wrangler applies them (`npm run db:migrate`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./d1/schema/index.ts",
  out: "./d1/migrations",
});
