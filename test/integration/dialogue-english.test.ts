// A dialogue's title, topics and invited groups in English on English pages: staff write them on
// the session form; a topic with no English stays Vietnamese, marked lang="vi"; the question's
// topic is still filed under the Vietnamese text.
import * as publicPage from "~/routes/dialogues.$id";
import * as create from "~/routes/staff.dialogues.new";
import { toVnInput } from "~/kernel/time/clock";
import { db } from "~/kernel/db/db.server";
import { signIn, staffRequest } from "../support/staff";

const DAY = 86400_000;
const args = (request: Request, id?: number) => ({ request, params: id ? { id: String(id) } : {}, context: {} });

function form(over: Record<string, string>) {
  const start = new Date(Date.now() + 30 * DAY);
  return {
    intent: "save",
    title_vi: "Đối thoại về đo lường",
    title_en: "Dialogue on metrology",
    topics: "Đo lường\nBức xạ\nChuyển giao công nghệ",
    topics_en: "Metrology\n\nTechnology transfer",
    invited_groups: "Người dân, doanh nghiệp",
    invited_groups_en: "Citizens and businesses",
    starts_at: toVnInput(start),
    ends_at: toVnInput(new Date(start.getTime() + 3 * 3600_000)),
    venue: "Hội trường Sở",
    chair: "Giám đốc Sở",
    secretary: "Chánh Văn phòng",
    capacity: "30",
    publish_at: toVnInput(new Date(Date.now() - DAY)),
    registration_opens_at: toVnInput(new Date(Date.now() - DAY)),
    ...over,
  };
}

type View = {
  session: {
    title: string;
    titleLang: string | null;
    topicLabels: { value: string; label: string; lang: string | null }[];
    invitedGroups: string;
    invitedGroupsLang: string | null;
  };
};

async function view(id: number, lang: "vi" | "en"): Promise<View> {
  const res = await publicPage.loader(
    args(new Request(`http://localhost/dialogues/${id}`, { headers: { "Accept-Language": lang } }), id),
  );
  return (await res.json()) as View;
}

describe("a dialogue in English", () => {
  it("stores the English topics and groups from the staff form and shows them on English pages only", async () => {
    const office = await signIn("office");
    const tooMany = await create.action(
      args(staffRequest("/staff/dialogues/new", office.cookie, { form: form({ topics_en: "A\nB\nC\nD" }) })),
    );
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ errors: { topics_en: "dialogue.errors.topicsEnInvalid" } });

    const res = await create.action(args(staffRequest("/staff/dialogues/new", office.cookie, { form: form({}) })));
    expect(res.status).toBe(303);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    const row = await db().selectFrom("dialogue_session").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.topics_en).toEqual(["Metrology", "", "Technology transfer"]);
    expect(row.invited_groups_en).toBe("Citizens and businesses");
    await db()
      .updateTable("dialogue_session")
      .set({ status: "published", published_at: new Date() })
      .where("id", "=", id)
      .execute();

    const en = (await view(id, "en")).session;
    expect(en.title).toBe("Dialogue on metrology");
    expect(en.titleLang).toBeNull();
    expect(en.topicLabels).toEqual([
      { value: "Đo lường", label: "Metrology", lang: null },
      { value: "Bức xạ", label: "Bức xạ", lang: "vi" },
      { value: "Chuyển giao công nghệ", label: "Technology transfer", lang: null },
    ]);
    expect(en.invitedGroups).toBe("Citizens and businesses");
    expect(en.invitedGroupsLang).toBeNull();

    const vi = (await view(id, "vi")).session;
    expect(vi.title).toBe("Đối thoại về đo lường");
    expect(vi.topicLabels.map((x) => x.label)).toEqual(["Đo lường", "Bức xạ", "Chuyển giao công nghệ"]);
    expect(vi.invitedGroups).toBe("Người dân, doanh nghiệp");
  });

  it("falls back to the Vietnamese title and groups on English pages, marked lang vi", async () => {
    const office = await signIn("office");
    const res = await create.action(
      args(
        staffRequest("/staff/dialogues/new", office.cookie, {
          form: form({ title_en: "", topics_en: "", invited_groups_en: "" }),
        }),
      ),
    );
    const id = Number(res.headers.get("Location")!.split("/").pop());
    await db()
      .updateTable("dialogue_session")
      .set({ status: "published", published_at: new Date() })
      .where("id", "=", id)
      .execute();
    const en = (await view(id, "en")).session;
    expect(en.title).toBe("Đối thoại về đo lường");
    expect(en.titleLang).toBe("vi");
    expect(en.topicLabels.every((x) => x.lang === "vi" && x.label === x.value)).toBe(true);
    expect(en.invitedGroups).toBe("Người dân, doanh nghiệp");
    expect(en.invitedGroupsLang).toBe("vi");
    const row = await db().selectFrom("dialogue_session").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.topics_en).toBeNull();
  });
});
