import { describe, expect, it } from "vitest";
import { createProduct, del, expectJson, expectProblem, get, newAdmin, patch, post, seller } from "./helpers";

interface AdminCategory {
  id: string;
  slug: string;
  names: Record<string, string>;
  parentId: string | null;
  position: number;
}

interface Node {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  children: Node[];
}

const find = (nodes: Node[], id: string): Node | undefined => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inside = find(node.children, id);
    if (inside) return inside;
  }
  return undefined;
};

describe("admin CRUD for categories", () => {
  it("creates a tree that GET /categories shows in each language", async () => {
    const admin = await newAdmin();
    const root = await expectJson<AdminCategory>(
      await post(
        "/api/v1/admin/categories",
        { slug: "gaming", names: { en: "Gaming", th: "เกมมิ่ง", id: "Gaming", vi: "Trò chơi" }, position: 3 },
        admin.token,
      ),
      201,
    );
    expect(root).toMatchObject({ slug: "gaming", parentId: null, position: 3, names: { en: "Gaming", th: "เกมมิ่ง" } });
    const child = await expectJson<AdminCategory>(
      await post(
        "/api/v1/admin/categories",
        { slug: "consoles", names: { en: "Consoles", vi: "Máy chơi game" }, parentId: root.id },
        admin.token,
      ),
      201,
    );
    const tree = await expectJson<{ items: Node[] }>(await get("/api/v1/categories?locale=th"), 200);
    expect(find(tree.items, root.id)?.name).toBe("เกมมิ่ง");
    expect(find(tree.items, root.id)?.children.map((c) => c.id)).toEqual([child.id]);
    const vi = await expectJson<{ items: Node[] }>(await get("/api/v1/categories?locale=vi"), 200);
    expect(find(vi.items, child.id)?.name).toBe("Máy chơi game");
    // Falls back to English where a name is missing.
    expect(find(tree.items, child.id)?.name).toBe("Consoles");
  });

  it("renames and moves categories, refusing cycles and taken slugs", async () => {
    const admin = await newAdmin();
    const make = async (slug: string, parentId?: string) =>
      expectJson<AdminCategory>(
        await post(
          "/api/v1/admin/categories",
          { slug, names: { en: slug }, ...(parentId ? { parentId } : {}) },
          admin.token,
        ),
        201,
      );
    const a = await make("cat-a");
    const b = await make("cat-b", a.id);
    const c = await make("cat-c", b.id);
    const renamed = await expectJson<AdminCategory>(
      await patch(`/api/v1/admin/categories/${b.id}`, { names: { en: "Bee", th: "บี" }, slug: "cat-bee" }, admin.token),
      200,
    );
    expect(renamed).toMatchObject({ slug: "cat-bee", names: { en: "Bee", th: "บี" }, parentId: a.id });
    await expectProblem(
      await patch(`/api/v1/admin/categories/${a.id}`, { parentId: c.id }, admin.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await patch(`/api/v1/admin/categories/${a.id}`, { parentId: a.id }, admin.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await patch(`/api/v1/admin/categories/${a.id}`, { slug: "cat-c" }, admin.token),
      409,
      "conflict",
    );
    await expectProblem(
      await post("/api/v1/admin/categories", { slug: "cat-a", names: { en: "A" } }, admin.token),
      409,
      "conflict",
    );
    await expectProblem(
      await post("/api/v1/admin/categories", { slug: "orphan", names: { en: "O" }, parentId: "cat_nope" }, admin.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/admin/categories", { slug: "Bad Slug", names: { en: "x" } }, admin.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post("/api/v1/admin/categories", { slug: "no-en", names: { th: "x" } }, admin.token),
      422,
      "validation_failed",
    );
    const moved = await expectJson<AdminCategory>(
      await patch(`/api/v1/admin/categories/${c.id}`, { parentId: null }, admin.token),
      200,
    );
    expect(moved.parentId).toBeNull();
    await expectProblem(
      await patch("/api/v1/admin/categories/cat_nope", { position: 1 }, admin.token),
      404,
      "not_found",
    );
  });

  it("deletes only empty categories", async () => {
    const admin = await newAdmin();
    const parent = await expectJson<AdminCategory>(
      await post("/api/v1/admin/categories", { slug: "del-parent", names: { en: "P" } }, admin.token),
      201,
    );
    const leaf = await expectJson<AdminCategory>(
      await post(
        "/api/v1/admin/categories",
        { slug: "del-leaf", names: { en: "L" }, parentId: parent.id },
        admin.token,
      ),
      201,
    );
    await expectProblem(await del(`/api/v1/admin/categories/${parent.id}`, admin.token), 409, "conflict");
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop, { categoryId: leaf.id });
    await expectProblem(await del(`/api/v1/admin/categories/${leaf.id}`, admin.token), 409, "conflict");
    expect((await del(`/api/v1/products/${product.id}`, token)).status).toBe(204);
    expect((await del(`/api/v1/admin/categories/${leaf.id}`, admin.token)).status).toBe(204);
    expect((await del(`/api/v1/admin/categories/${parent.id}`, admin.token)).status).toBe(204);
    await expectProblem(await del(`/api/v1/admin/categories/${parent.id}`, admin.token), 404, "not_found");
  });
});
