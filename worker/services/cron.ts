export async function runCron(_env: Env, _at: number): Promise<void> {}
