import { DurableObject } from "cloudflare:workers";
import { FixedWindow, type Lease, type Take } from "../workers/platform/limiter/fixed-window";

/** One rate-limit key's exact counter, named after the key: the code it runs is workers/platform/limiter/. */
export class RateLimiter extends DurableObject<Env> {
  private readonly window: FixedWindow;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.window = new FixedWindow(ctx.storage);
  }

  take(limit: number, windowSeconds: number): Take {
    return this.window.take(limit, windowSeconds);
  }

  lease(limit: number, windowSeconds: number, want: number): Lease {
    return this.window.lease(limit, windowSeconds, want);
  }

  giveBack(windowEndsAt: number, count?: number): void {
    this.window.giveBack(windowEndsAt, count);
  }

  override async alarm(): Promise<void> {
    this.window.expire();
  }
}
