import { z } from "@hono/zod-openapi";
import { ERROR_CODES, type ErrorCode } from "../workers/platform/errors";

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: "phone" }),
  message: z.string().openapi({ example: "Expected a Thai mobile number such as 081 234 5678" }),
});

/** RFC 9457 problem details, as every error of the API is written. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "urn:tchat:problem:validation_failed" }),
    title: z.string().openapi({ example: "Validation failed" }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({ example: "Fix the fields listed in errors and send the request again." }),
    code: z.enum(codes).openapi({ example: "validation_failed" }),
    requestId: z.string().openapi({ example: "9f1c2a4e-7b7d-4c55-9a55-0d4b2f0c1e11" }),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi("Problem");
