// The public agency tree (app/features/agencies/agency-tree.ts): who is under whom, in the
// reader's language's order, every agency once, and each home under its own prefix.
import {
  agencyServices,
  agencyTree,
  findInTree,
  servingAgencies,
  type AgencyEntry,
} from "~/features/agencies/agency-tree";

const a = (id: number, parentId: number | null, nameVi: string, nameEn = nameVi, code = `a${id}`): AgencyEntry => ({
  id,
  code,
  nameVi,
  nameEn,
  parentId,
  prefix: id === 1 ? null : code,
});

const rows = [
  a(2, null, "UBND tỉnh Tiền Giang", "Tien Giang"),
  a(1, 2, "Sở Khoa học và Công nghệ", "Science Department"),
  a(3, 2, "UBND huyện Cái Bè", "Cai Be District"),
  a(4, 2, "Sở Y tế", "Health Department"),
  a(5, 3, "UBND xã An Hữu", "An Huu Commune"),
  a(6, 2, "Sở Ánh Sáng", "Light Department"),
];

const names = (n: { name: string; children: { name: string }[] }) => n.children.map((c) => c.name);

describe("agency tree", () => {
  it("hangs every agency under its parent, by Vietnamese name order in vi", () => {
    const [top, ...rest] = agencyTree(rows, "vi");
    expect(rest).toEqual([]);
    expect(top.name).toBe("UBND tỉnh Tiền Giang");
    // "Sở Ánh Sáng" < "Sở Khoa…" < "Sở Y tế" < "UBND …": Á sorts with A in Vietnamese.
    expect(names(top)).toEqual(["Sở Ánh Sáng", "Sở Khoa học và Công nghệ", "Sở Y tế", "UBND huyện Cái Bè"]);
    expect(findInTree([top], 3)?.children).toEqual([{ id: 5, name: "UBND xã An Hữu", href: "/a5", children: [] }]);
  });

  it("uses the English names and order in en", () => {
    const [top] = agencyTree(rows, "en");
    expect(names(top)).toEqual(["Cai Be District", "Health Department", "Light Department", "Science Department"]);
  });

  it("links the default agency's home to / and every other agency's to /<code>", () => {
    const [top] = agencyTree(rows, "vi");
    expect(findInTree([top], 1)?.href).toBe("/");
    expect(findInTree([top], 4)?.href).toBe("/a4");
  });

  it("lists an agency whose parent is missing, and a cycle's members, once each at the top", () => {
    const odd = [a(2, null, "Tỉnh"), a(7, 99, "Mồ côi"), a(8, 9, "Vòng 1"), a(9, 8, "Vòng 2")];
    const tree = agencyTree(odd, "vi");
    const all: number[] = [];
    const walk = (ns: typeof tree) => ns.forEach((n) => (all.push(n.id), walk(n.children)));
    walk(tree);
    expect(all.sort()).toEqual([2, 7, 8, 9]);
  });

  it("gives the root no citizen services and an agency its five, under its prefix", () => {
    expect(agencyServices({ prefix: "tinh", parentId: null })).toEqual([]);
    expect(agencyServices({ prefix: "so-y-te", parentId: 2 }).map((s) => s.href)).toEqual([
      "/so-y-te/s",
      "/so-y-te/feedback",
      "/so-y-te/feedback/status",
      "/so-y-te/dialogues",
      "/so-y-te/ket-qua",
    ]);
    expect(servingAgencies(rows)).toHaveLength(5);
  });
});
