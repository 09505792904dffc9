import { eq, sql } from "drizzle-orm";
import { creatorNiches, creators, trustStats, users } from "../../db/schema";
import { checkHandle } from "../domain/handles";
import { newId } from "../domain/crypto";
import { AppError, notFound } from "../errors";
import { requireUser } from "./caller";
import type { ServiceCtx } from "./context";
import { runBatch } from "./batch";
import { parseOr400 } from "../http/validate";
import { createProfileSchema, updateProfileSchema } from "./profile-input";

export interface ProfileInput {
  handle?: string;
  display_name?: string;
  bio?: string;
  country?: string | null;
  languages?: string[];
  niches?: string[];
}

type CreatorRow = typeof creators.$inferSelect;

export function creatorView(row: CreatorRow) {
  return {
    id: row.id,
    handle: row.handle,
    display_name: row.displayName,
    bio: row.bio,
    country: row.country,
    languages: row.languages,
    niches: row.niches,
    status: row.status,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

function handleOr400(input: string): string {
  const check = checkHandle(input);
  if (!check.ok) throw new AppError("validation_failed", check.problem, { fields: [{ field: "handle", message: check.problem }] });
  return check.handle;
}

async function assertHandleFree(ctx: ServiceCtx, handle: string, selfId?: string) {
  const taken = await ctx.db.select({ id: creators.id }).from(creators).where(eq(creators.handle, handle)).get();
  if (taken && taken.id !== selfId) throw new AppError("conflict", `The handle "${handle}" is taken.`, { fields: [{ field: "handle", message: "taken" }] });
}

/** The signed-in user's creator row, or null. */
export async function myCreator(ctx: ServiceCtx): Promise<CreatorRow | null> {
  const { userId } = requireUser(ctx.caller);
  return (await ctx.db.select().from(creators).where(eq(creators.userId, userId)).get()) ?? null;
}

export async function requireMyCreator(ctx: ServiceCtx): Promise<CreatorRow> {
  const row = await myCreator(ctx);
  if (!row) throw new AppError("conflict", "Create your creator profile first (POST /api/v1/me/creator).");
  return row;
}

export async function getMe(ctx: ServiceCtx) {
  const { userId, email } = requireUser(ctx.caller);
  const user = await ctx.db.select().from(users).where(eq(users.id, userId)).get();
  const creator = await myCreator(ctx);
  return { user: { id: userId, email, created_at: user?.createdAt ?? null }, creator: creator ? creatorView(creator) : null };
}

function nicheStatements(ctx: ServiceCtx, creatorId: string, niches: string[]) {
  return [
    ctx.db.delete(creatorNiches).where(eq(creatorNiches.creatorId, creatorId)),
    ...niches.map((niche) => ctx.db.insert(creatorNiches).values({ creatorId, niche })),
  ];
}

/** Creates the caller's creator profile (one per user) with its empty trust stats. */
export async function createCreator(ctx: ServiceCtx, raw: Required<Pick<ProfileInput, "handle" | "display_name">> & ProfileInput) {
  const { userId } = requireUser(ctx.caller);
  const input = parseOr400(createProfileSchema, raw, "profile");
  if (await myCreator(ctx)) throw new AppError("conflict", "You already have a creator profile; edit it with PATCH.");
  const handle = handleOr400(input.handle);
  await assertHandleFree(ctx, handle);
  const id = newId("cr", ctx.now.getTime());
  const now = ctx.now.toISOString();
  const niches = [...new Set(input.niches ?? [])];
  try {
    await runBatch(ctx.env.DB, [
      ctx.db.insert(creators).values({
        id, userId, handle, displayName: input.display_name, bio: input.bio ?? "", country: input.country ?? null,
        languages: input.languages ?? [], niches, createdAt: now, updatedAt: now,
      }),
      ctx.db.insert(trustStats).values({ creatorId: id, updatedAt: now }),
      ...nicheStatements(ctx, id, niches),
    ]);
  } catch (e) {
    if (/UNIQUE.*creators\.handle/i.test(String(e))) throw new AppError("conflict", `The handle "${handle}" is taken.`);
    throw e;
  }
  return creatorView((await ctx.db.select().from(creators).where(eq(creators.id, id)).get())!);
}

/** Edits the caller's profile; only the fields given change. */
export async function updateCreator(ctx: ServiceCtx, raw: ProfileInput) {
  const me = await requireMyCreator(ctx);
  const input = parseOr400(updateProfileSchema, raw, "profile");
  const patch: Partial<typeof creators.$inferInsert> = { updatedAt: ctx.now.toISOString() };
  if (input.handle !== undefined) {
    patch.handle = handleOr400(input.handle);
    await assertHandleFree(ctx, patch.handle, me.id);
  }
  if (input.display_name !== undefined) patch.displayName = input.display_name;
  if (input.bio !== undefined) patch.bio = input.bio;
  if (input.country !== undefined) patch.country = input.country;
  if (input.languages !== undefined) patch.languages = input.languages;
  const niches = input.niches === undefined ? undefined : [...new Set(input.niches)];
  if (niches !== undefined) patch.niches = niches;
  await runBatch(ctx.env.DB, [
    ctx.db.update(creators).set(patch).where(eq(creators.id, me.id)),
    ...(niches ? nicheStatements(ctx, me.id, niches) : []),
  ]);
  return creatorView((await ctx.db.select().from(creators).where(eq(creators.id, me.id)).get())!);
}

/** A creator by handle (case-insensitive), or a 404 problem. */
export async function creatorByHandle(ctx: Pick<ServiceCtx, "db">, handle: string): Promise<CreatorRow> {
  const row = await ctx.db.select().from(creators).where(eq(creators.handle, handle.toLowerCase().replace(/^@/, ""))).get();
  if (!row) throw notFound(`The creator @${handle}`);
  return row;
}

export const touchStats = (ctx: ServiceCtx, creatorId: string) =>
  sql`UPDATE trust_stats SET updated_at = ${ctx.now.toISOString()} WHERE creator_id = ${creatorId}`;
