import { DurableObject } from "cloudflare:workers";
export class LogSequencer extends DurableObject<Env> {
  async integrate(): Promise<number> { return 0; }
}
